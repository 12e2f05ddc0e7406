import { encodingFromLabel, type EncodingName } from './encodings.js';

/// How far into the file a declaration is looked for (HTML requires it in the first 1024 bytes;
/// real pages put comments first, so allow more).
const HEAD = 4096;

/// An encoding declared inside the file: the XML declaration, or an HTML meta charset /
/// http-equiv Content-Type. `label` is what the file says, `encoding` its canonical name
/// (null when the label is unknown).
export interface DeclaredCharset {
  label: string;
  encoding: EncodingName | null;
  where: 'xml' | 'html';
}

/// Find the charset a file declares in its first bytes (read as ASCII), if any.
export function declaredCharset(bytes: Uint8Array): DeclaredCharset | null {
  const head = latin1(bytes.subarray(0, HEAD));
  const xml = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']/.exec(head);
  if (xml) return { label: xml[1], encoding: encodingFromLabel(xml[1]), where: 'xml' };
  for (const m of head.matchAll(/<meta\s[^>]*>/gi)) {
    const tag = m[0];
    const cs = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(tag);
    if (cs) return { label: cs[1], encoding: encodingFromLabel(cs[1]), where: 'html' };
  }
  return null;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}
