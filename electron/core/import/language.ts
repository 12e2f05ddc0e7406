// Placeholder until language detection lands.
export function detectLanguage(text: string): { lang: string; script: string } {
  const cyr = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const lat = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  return cyr > lat ? { lang: 'ru', script: 'Cyrl' } : { lang: 'en', script: 'Latn' };
}
