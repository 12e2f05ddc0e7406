// The status area: one polite live region for news, one assertive for errors, so a screen
// reader hears "Undone: rename tag" without losing its place, and hears failures at once.
import { dismiss, useNotices } from '../state/notices.js';

/// The status area: messages and errors, announced to screen readers.
export function Notices() {
  const notices = useNotices();
  const errors = notices.filter((n) => n.kind === 'error');
  const infos = notices.filter((n) => n.kind === 'info');
  return (
    <div className="notices">
      <div role="status" aria-live="polite" className="notices__region">
        {infos.map((n) => (
          <div key={n.id} className="notice notice--info">
            <span>{n.text}</span>
            <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      <div role="alert" aria-live="assertive" className="notices__region">
        {errors.map((n) => (
          <div key={n.id} className="notice notice--error">
            <span>{n.text}</span>
            <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
