import iconv from 'iconv-lite';
import { ImportFileError } from '../formats/import-file-error.js';
import { binaryReason } from './binary.js';
import { sniffBom } from './bom.js';
import { rankCyrillic, looksLatinExtended } from './cyrillic-score.js';
import { declaredCharset } from './declared.js';
import { CYRILLIC_SINGLE_BYTE, ICONV_NAME, type EncodingName } from './encodings.js';
import { decodeUtf16, guessBomlessUtf16 } from './utf16.js';
import { decodeUtf8, diagnoseUtf8 } from './utf8.js';

export { type EncodingName, encodingFromLabel } from './encodings.js';

/// Decoded text (BOM removed, otherwise exactly as decoded) and the encoding it was read in.
export interface DecodedText {
  text: string;
  encoding: EncodingName;
}

/// How far the declared encoding's score may fall below the best candidate's and still be
/// believed: identical decodings tie exactly, a wrong declaration loses by far more.
const DECLARED_SLACK = 0.05;

/// Decode a file's bytes. Order: byte order mark → UTF-16 without one (regular NUL bytes, or
/// high bytes of one script block) → binary refusal → valid UTF-8 (one native pass; checked
/// before any statistics) → the declared charset if the bytes bear it out → statistics over
/// the single-byte Cyrillic code pages (or windows-1252 when the high bytes sit inside Latin
/// words). A UTF-8 declaration over bytes that are not UTF-8 is ignored.
/// Throws ImportFileError for empty, binary, truncated or invalid input.
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ImportFileError('empty file');
  const bom = sniffBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (bom.encoding === 'utf-8') return { text: strictUtf8(body, bom.length, true), encoding: 'utf-8' };
    return { text: decodeUtf16(body, bom.encoding as 'utf-16le' | 'utf-16be', bom.length), encoding: bom.encoding };
  }
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) return { text: decodeUtf16(bytes, utf16, 0), encoding: utf16 };
  const binary = binaryReason(bytes);
  if (binary) throw new ImportFileError(binary);

  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  const declared = declaredCharset(bytes);
  const saysUtf8 = declared?.encoding === 'utf-8';
  const diagnosis = diagnoseUtf8(bytes);
  const mostlyUtf8 = diagnosis.multiByte >= 2 && diagnosis.multiByte >= 4 * diagnosis.invalid;
  // A UTF-8 declaration alone does not make broken bytes UTF-8: pages saved in a legacy code
  // page often keep the template's meta tag, so such bytes go to detection like undeclared ones.
  if (mostlyUtf8 || (diagnosis.truncated && diagnosis.invalid === 1 && diagnosis.multiByte > 0)) {
    strictUtf8(bytes, 0, saysUtf8); // throws with the position
  }
  const encoding = chooseSingleByte(bytes, saysUtf8 ? null : (declared?.encoding ?? null));
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), ICONV_NAME[encoding]), encoding };
}

/// The single-byte encoding for bytes that are not UTF-8, given what the file declares.
export function chooseSingleByte(bytes: Uint8Array, declared: EncodingName | null): EncodingName {
  if (declared === 'windows-1252' || declared === null) {
    // A declared Western code page is believed only if the text looks Western: Russian pages
    // mislabelled iso-8859-1 are a classic.
    if (looksLatinExtended(bytes)) return 'windows-1252';
  }
  const ranked = rankCyrillic(bytes);
  const best = ranked[0];
  if (declared === 'koi8-u') {
    const koi = ranked.find((r) => r.encoding === 'koi8-r')!;
    if (koi.score >= best.score - DECLARED_SLACK * Math.abs(best.score)) return 'koi8-u';
  }
  if (declared && CYRILLIC_SINGLE_BYTE.includes(declared)) {
    const mine = ranked.find((r) => r.encoding === declared)!;
    if (mine.score >= best.score - DECLARED_SLACK * Math.abs(best.score)) return declared;
  }
  return best.encoding;
}

function strictUtf8(bytes: Uint8Array, offset: number, sure: boolean): string {
  const text = decodeUtf8(bytes);
  if (text !== null) return text;
  const d = diagnoseUtf8(bytes);
  const at = offset + d.firstInvalid;
  if (d.truncated && d.invalid === 1) throw new ImportFileError(`truncated UTF-8: the file ends inside a character (byte ${at})`);
  throw new ImportFileError(
    `invalid UTF-8 at byte ${at}` + (sure ? '' : ` (${d.invalid} bad byte${d.invalid === 1 ? '' : 's'} among ${d.multiByte} well-formed characters)`),
  );
}

/// NFC, and every line end (CRLF, CR, NEL, U+2028, U+2029) as '\n'.
export function normaliseDecoded(text: string): string {
  let t = text;
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  if (/[\u0085\u2028\u2029]/.test(t)) t = t.replace(/[\u0085\u2028\u2029]/g, '\n');
  return t.normalize('NFC');
}
