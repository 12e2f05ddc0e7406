/// The one normal form article text is stored, hashed and compared in: NFC, `\n` line ends,
/// no trailing spaces on lines, no blank lines at either end.
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+|\n+$/g, '');
}
