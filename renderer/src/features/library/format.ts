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

/// "1 article", "12,345 articles".
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
