import { languageName } from '../features/library/format.js';

/// The language filter the library and the passages share: every language of the library, by
/// its name, optionally with how many articles it has.
export function LanguageSelect({
  value,
  langs,
  showCounts = false,
  onChange,
}: {
  value: string | undefined;
  langs: readonly { value: string; count: number }[] | undefined;
  showCounts?: boolean;
  onChange: (lang: string | undefined) => void;
}) {
  return (
    <label>
      Language
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">All languages</option>
        {langs?.map((l) => (
          <option key={l.value} value={l.value}>
            {languageName(l.value)}
            {showCounts ? ` (${l.count.toLocaleString('en')})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
