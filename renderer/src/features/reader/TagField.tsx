// The tag field: chosen tags as chips, and a combobox with type-ahead over the codebook (ARIA
// combobox + listbox pattern). Arrow keys move through the suggestions, Enter takes the active
// one. The first is a known tag only when one begins with what was typed (its punctuation
// included); otherwise it is to create the typed tag, so Enter never turns `C++` into `Cities`.
// Enter in an empty field submits the surrounding form.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Tag } from '../../../../shared/model.js';
import { exactTag, matchTags, startsTag, tagLabel } from './tagMatch.js';

/// A tag chosen in the field: one from the codebook, or a new name to create.
export type ChosenTag = { kind: 'existing'; tag: Tag } | { kind: 'new'; name: string };

export function chosenKey(t: ChosenTag): string {
  return t.kind === 'existing' ? `id:${t.tag.id}` : `new:${t.name.toLowerCase()}`;
}

export function chosenLabel(t: ChosenTag): string {
  return t.kind === 'existing' ? tagLabel(t.tag) : t.name;
}

/// What the typed text means when confirmed without picking a suggestion: the tag of that exact
/// name, or a new one.
export function chosenFromText(tags: readonly Tag[], text: string): ChosenTag | null {
  const name = text.trim();
  if (!name) return null;
  const known = exactTag(tags, name);
  return known ? { kind: 'existing', tag: known } : { kind: 'new', name };
}

/// What the field offers for the typed text, in order; Enter takes the first unless the arrow keys
/// moved on. The tag of exactly that name comes first; then known tags that begin with the text;
/// when none does, creating the typed tag comes before the tags that only contain it. `exclude`
/// holds the tags already chosen.
export function tagSuggestions(tags: readonly Tag[], query: string, exclude: ReadonlySet<number>): ChosenTag[] {
  const found: ChosenTag[] = matchTags(tags, query, exclude).map((tag) => ({ kind: 'existing', tag }));
  const typed = query.trim();
  if (!typed) return found;
  const exact = exactTag(tags, typed);
  if (exact) {
    const at = found.findIndex((f) => f.kind === 'existing' && f.tag.id === exact.id);
    if (at > 0) found.unshift(...found.splice(at, 1));
    return found;
  }
  if (found.some((f) => chosenLabel(f).toLowerCase() === typed.toLowerCase())) return found;
  const create: ChosenTag = { kind: 'new', name: typed.replace(/\s*\/\s*/g, '/') };
  if (found.some((f) => f.kind === 'existing' && startsTag(f.tag, typed))) found.push(create);
  else found.unshift(create);
  return found;
}

interface TagFieldProps {
  tags: readonly Tag[];
  chosen: readonly ChosenTag[];
  query: string;
  onQueryChange: (query: string) => void;
  onAdd: (tag: ChosenTag) => void;
  onRemove: (tag: ChosenTag) => void;
  /// Enter with nothing typed.
  onSubmit?: () => void;
  /// A chip cannot be removed (an annotation keeps at least one tag).
  lockLast?: boolean;
  autoFocus?: boolean;
}

export function TagField({ tags, chosen, query, onQueryChange, onAdd, onRemove, onSubmit, lockLast, autoFocus }: TagFieldProps) {
  const id = useId();
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const chosenIds = useMemo(
    () => new Set(chosen.flatMap((t) => (t.kind === 'existing' ? [t.tag.id] : []))),
    [chosen],
  );
  const suggestions = useMemo(() => tagSuggestions(tags, query, chosenIds), [tags, query, chosenIds]);
  const expanded = open && suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);

  function take(t: ChosenTag) {
    if (!chosen.some((c) => chosenKey(c) === chosenKey(t))) onAdd(t);
    onQueryChange('');
    setActive(0);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, suggestions.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (query.trim() && suggestions[activeIndex]) take(suggestions[activeIndex]);
      else if (!query.trim()) onSubmit?.();
    } else if (e.key === 'Backspace' && !query && chosen.length > 0 && !(lockLast && chosen.length === 1)) {
      onRemove(chosen[chosen.length - 1]!);
    }
  }

  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="qalam-tagfield">
      {chosen.length > 0 && (
        <ul className="qalam-tagfield__chips" aria-label="Chosen tags">
          {chosen.map((t) => (
            <li key={chosenKey(t)} className="qalam-chip" data-tag-id={t.kind === 'existing' ? t.tag.id : undefined}>
              <span className="qalam-chip__swatch" style={{ background: t.kind === 'existing' ? t.tag.color : 'transparent' }} aria-hidden="true" />
              {chosenLabel(t)}
              {t.kind === 'new' && <span className="qalam-chip__new"> (new)</span>}
              <button
                type="button"
                className="qalam-chip__remove"
                aria-label={`Remove tag ${chosenLabel(t)}`}
                disabled={lockLast && chosen.length === 1}
                title={lockLast && chosen.length === 1 ? 'A highlight keeps at least one tag; delete it instead' : undefined}
                onClick={() => {
                  onRemove(t);
                  // The chip and this button go away: the focus stays in the field, not on the page.
                  input.current?.focus();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        className="qalam-tagfield__input"
        role="combobox"
        aria-label="Tags"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder="Type a tag, Enter to add"
        value={query}
        autoFocus={autoFocus}
        onChange={(e) => {
          onQueryChange(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-listbox`} role="listbox" aria-label="Tag suggestions" className="qalam-tagfield__list" hidden={!expanded}>
        {expanded &&
          suggestions.map((t, i) => (
            <li
              key={chosenKey(t)}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className="qalam-tagfield__option"
              // Keep the focus in the input: a click must not blur it before it is handled.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => take(t)}
            >
              {t.kind === 'existing' ? (
                <>
                  <span className="qalam-chip__swatch" style={{ background: t.tag.color }} aria-hidden="true" />
                  {tagLabel(t.tag)} <span className="qalam-muted">{t.tag.count}</span>
                </>
              ) : (
                <>Create tag “{t.name}”</>
              )}
            </li>
          ))}
      </ul>
    </div>
  );
}

/// Chosen tags as the API takes them: ids of known tags, names of new ones.
export function tagRefs(chosen: readonly ChosenTag[]): { tagIds: number[]; tagNames: string[] } {
  return {
    tagIds: chosen.flatMap((t) => (t.kind === 'existing' ? [t.tag.id] : [])),
    tagNames: chosen.flatMap((t) => (t.kind === 'new' ? [t.name] : [])),
  };
}
