// How dates, languages and counts read in lists.

const LANGUAGES: Record<string, string> = {
  'uz-Cyrl': 'Uzbek (Cyrillic)',
  'uz-Latn': 'Uzbek (Latin)',
  uz: 'Uzbek',
  kk: 'Kazakh',
  'kk-Cyrl': 'Kazakh (Cyrillic)',
  'kk-Latn': 'Kazakh (Latin)',
  ru: 'Russian',
  en: 'English',
  und: 'Unknown language',
};

/// A language tag as people say it; unknown tags are shown as they are.
export function languageName(tag: string): string {
  return LANGUAGES[tag] ?? tag;
}

/// An ISO date as written, or a clear word when there is none.
export function formatDate(date: string | null): string {
  return date ?? 'no date';
}

/// A whole number with its thousands grouped by commas, as `n.toLocaleString('en')` writes it,
/// without the locale machinery: the first `toLocaleString` in a fresh page starts ICU's number
/// formatting, which took 50–240 ms on a busy two-core machine, between the library's first page
/// arriving and its rows being painted (the first screen writes the count).
export function groupThousands(n: number): string {
  // Anything but a plain whole number (never a count) goes to the locale formatter after all.
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = digits.slice(Math.max(0, end - 3), end) + (out ? ',' + out : '');
  return n < 0 ? '-' + out : out;
}

/// "1 article", "12,345 articles".
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${groupThousands(n)} ${n === 1 ? one : many}`;
}
