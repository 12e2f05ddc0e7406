/// The one normal form article text is stored, hashed and compared in: NFC, `\n` line ends,
/// no trailing spaces on lines, no blank lines at either end. Runs for every article imported,
/// so each step first checks whether it has anything to do.
export function normalizeText(text: string): string {
  let t = text.normalize('NFC');
  if (/[\r\u2028\u2029]/.test(t)) t = t.replace(/\r\n?|\u2028|\u2029/g, '\n');
  if (/[ \t]\n|[ \t]$/.test(t)) t = t.replace(/[ \t]+$/gm, '');
  if (t.startsWith('\n') || t.endsWith('\n')) t = t.replace(/^\n+|\n+$/g, '');
  return t;
}
