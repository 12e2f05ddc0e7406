// A modal dialog on the native <dialog> element: the browser traps focus, makes the rest of
// the page inert, closes on Escape and gives focus back where it was.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { canFocus, focusIsLost, focusWhenDrawn } from './focusRescue.js';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /// Extra class for sizing (`modal--wide`).
  className?: string;
  /// Stop Escape and the close button while work is going on that must not be abandoned.
  busy?: boolean;
}

/// The current view's heading when it can take the focus, otherwise the main area (see App.tsx).
function viewPlace(): HTMLElement | null {
  const heading = document.querySelector<HTMLElement>('#main h1[tabindex]');
  return canFocus(heading) ? heading : document.getElementById('main');
}

/// Shown while mounted: render it conditionally.
export function Modal({ title, onClose, children, className, busy = false }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener !== document.body && canFocus(opener)) opener.focus();
      // What opened the dialog may have gone with what was done in it (the first-run panel and
      // its import button go once an import succeeds), or the dialog was opened by no control (files
      // dropped on the window): the view takes the focus rather than the page.
      else if (focusIsLost()) focusWhenDrawn(viewPlace);
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) closeRef.current();
      }}
      // A busy dialog keeps the key itself: Chromium closes a dialog that refused Escape when
      // Escape is pressed again straight away, which would hide the work going on in it.
      onKeyDown={(e) => {
        if (e.key === 'Escape' && busy) e.preventDefault();
      }}
    >
      <div className="modal__head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={() => closeRef.current()} disabled={busy}>
          ×
        </button>
      </div>
      <div className="modal__body">{children}</div>
    </dialog>
  );
}

interface ConfirmProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
}

/// Ask before something that cannot be taken back.
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onCancel, danger }: ConfirmProps) {
  return (
    <Modal title={title} onClose={onCancel}>
      <div className="confirm">{message}</div>
      <div className="button-row">
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
