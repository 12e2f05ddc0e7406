// A highlight's details, opened by clicking it (or its entry in the side panel): its tags (add and
// remove take effect at once), its note (edit, then Save note), and Delete. Every change is one
// undoable action. Where highlights overlap, the others under the click can be switched to.
//
// A note typed but not saved is not lost when the details close or switch to another highlight
// (Escape, Close, a click elsewhere): it is kept as a draft for as long as the app is open, and
// shown, marked as not saved, when that highlight's details open again.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Annotation, Tag } from '../../../../shared/model.js';
import { onEscape } from '../../state/escape.js';
import { chosenFromText, TagField, tagRefs, type ChosenTag } from './TagField.js';
import { tagLabel } from './tagMatch.js';

interface AnnotationDetailsProps {
  annotation: Annotation;
  /// Other annotations under the same spot.
  others: readonly Annotation[];
  tags: readonly Tag[];
  byId: ReadonlyMap<number, Tag>;
  position: { left: number; top: number };
  onUpdate: (edit: { tagIds?: number[]; tagNames?: string[]; note?: string }) => Promise<void>;
  onDelete: () => Promise<void>;
  onSwitch: (id: number) => void;
  onClose: () => void;
}

/// Notes typed and not saved, by annotation uid (which survives undo bringing a highlight back).
const noteDrafts = new Map<string, string>();

export function AnnotationDetails({ annotation, others, tags, byId, position, onUpdate, onDelete, onSwitch, onClose }: AnnotationDetailsProps) {
  const shownNote = () => noteDrafts.get(annotation.uid) ?? annotation.note;
  const [note, setNote] = useState(shownNote);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  // Opening the details moves the focus into them, so the keyboard can reach tags, note and Delete.
  useEffect(() => dialog.current?.focus(), [annotation.id]);
  // Escape closes them also when the focus is not inside (after a click on the page, say).
  useEffect(() => onEscape(() => closeRef.current()), []);
  // A different annotation, or the same one changed by undo: show its note as stored, or the
  // draft typed for it.
  useEffect(() => setNote(shownNote()), [annotation.id, annotation.note]);

  function editNote(value: string) {
    setNote(value);
    if (value.trim() === annotation.note) noteDrafts.delete(annotation.uid);
    else noteDrafts.set(annotation.uid, value);
  }

  const chosen: ChosenTag[] = annotation.tagIds.map((id) => {
    const tag = byId.get(id);
    return tag ? { kind: 'existing', tag } : { kind: 'new', name: `#${id}` };
  });

  async function run(step: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  function addTag(t: ChosenTag) {
    const refs = tagRefs([t]);
    void run(() => onUpdate({ tagIds: [...annotation.tagIds, ...refs.tagIds], tagNames: refs.tagNames }));
  }

  function removeTag(t: ChosenTag) {
    if (t.kind !== 'existing' || annotation.tagIds.length <= 1) return;
    void run(() => onUpdate({ tagIds: annotation.tagIds.filter((id) => id !== t.tag.id) }));
  }

  function saveNote() {
    // Saving disables the button (while busy, then because the note is saved), and a disabled
    // button drops the focus to the page, where Escape no longer reaches the details: keep the
    // focus on the note.
    noteField.current?.focus();
    void run(async () => {
      await onUpdate({ note: note.trim() });
      noteDrafts.delete(annotation.uid);
    });
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  }

  const noteChanged = note.trim() !== annotation.note;
  return (
    <div
      ref={dialog}
      tabIndex={-1}
      role="dialog"
      aria-label="Highlight details"
      className="qalam-popover qalam-popover--details"
      style={{ left: position.left, top: position.top }}
      data-annotation-id={annotation.id}
      onKeyDown={onKeyDown}
    >
      <p className="qalam-popover__quote" dir="auto">{annotation.exact.length > 160 ? `${annotation.exact.slice(0, 160)}…` : annotation.exact}</p>
      {annotation.status !== 'anchored' && (
        <p className="qalam-popover__status">
          {annotation.status === 'moved' ? 'The text changed; this highlight was found again nearby.' : 'The text changed; this passage was not found again.'}
        </p>
      )}
      <TagField
        tags={tags}
        chosen={chosen}
        query={query}
        onQueryChange={setQuery}
        onAdd={addTag}
        onRemove={removeTag}
        onSubmit={() => {
          const typed = chosenFromText(tags, query);
          if (typed) addTag(typed);
        }}
        lockLast
      />
      <label className="qalam-popover__label">
        Note
        <textarea
          ref={noteField}
          className="qalam-popover__note"
          dir="auto"
          rows={3}
          value={note}
          onChange={(e) => editNote(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && noteChanged) saveNote();
          }}
        />
      </label>
      {error && (
        <p role="alert" className="qalam-popover__error">
          {error}
        </p>
      )}
      <div className="qalam-popover__actions">
        <button type="button" disabled={busy || !noteChanged} onClick={saveNote}>
          Save note
        </button>
        {noteChanged && <span className="qalam-popover__unsaved">Note not saved</span>}
        <button
          type="button"
          className="qalam-danger"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await onDelete();
              noteDrafts.delete(annotation.uid);
            })
          }
        >
          Delete
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {others.length > 0 && (
        <div className="qalam-popover__others">
          <span>Also here:</span>
          {others.map((o) => (
            <button key={o.id} type="button" className="qalam-linkish" onClick={() => onSwitch(o.id)}>
              {o.tagIds.map((id) => (byId.get(id) ? tagLabel(byId.get(id)!) : `#${id}`)).join(', ')}: “{o.exact.length > 32 ? `${o.exact.slice(0, 32)}…` : o.exact}”
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
