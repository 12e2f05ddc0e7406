// The popover that turns a selection into a highlight: tags (type-ahead, new ones on the fly)
// and an optional note. Enter in the empty tag field or Ctrl+Enter saves; Escape cancels.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Tag } from '../../../../shared/model.js';
import { onEscape } from '../../state/escape.js';
import { chosenFromText, chosenKey, TagField, tagRefs, type ChosenTag } from './TagField.js';

interface NewHighlightPopoverProps {
  tags: readonly Tag[];
  /// The selected text, shown so the reader sees what is being highlighted.
  quote: string;
  position: { left: number; top: number };
  onSave: (refs: { tagIds: number[]; tagNames: string[]; note: string }) => Promise<void>;
  onClose: () => void;
}

export function NewHighlightPopover({ tags, quote, position, onSave, onClose }: NewHighlightPopoverProps) {
  const [chosen, setChosen] = useState<ChosenTag[]>([]);
  const [query, setQuery] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  // Escape cancels also when the focus is not inside (after a click on the page, say).
  useEffect(() => onEscape(() => closeRef.current()), []);

  async function save() {
    // Text typed but not yet confirmed counts as a tag: clicking Save means "with this tag".
    const typed = chosenFromText(tags, query);
    const all = typed && !chosen.some((c) => chosenKey(c) === chosenKey(typed)) ? [...chosen, typed] : chosen;
    if (all.length === 0) {
      setError('Choose at least one tag.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSave({ ...tagRefs(all), note: note.trim() });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  }

  return (
    <div
      role="dialog"
      aria-label="New highlight"
      className="qalam-popover"
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
    >
      <p className="qalam-popover__quote" dir="auto">{quote.length > 140 ? `${quote.slice(0, 140)}…` : quote}</p>
      <TagField
        tags={tags}
        chosen={chosen}
        query={query}
        onQueryChange={setQuery}
        onAdd={(t) => setChosen((c) => [...c, t])}
        onRemove={(t) => setChosen((c) => c.filter((x) => chosenKey(x) !== chosenKey(t)))}
        onSubmit={() => void save()}
        autoFocus
      />
      <label className="qalam-popover__label">
        Note
        <textarea className="qalam-popover__note" dir="auto" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="qalam-popover__error">
          {error}
        </p>
      )}
      <div className="qalam-popover__actions">
        <button type="button" onClick={() => void save()} disabled={busy} aria-keyshortcuts="Control+Enter">
          Save
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
