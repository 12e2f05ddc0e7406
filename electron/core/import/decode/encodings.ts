// The encodings the importer reads, under one canonical (WHATWG-style) name each,
// with the name iconv-lite knows them by and the labels files use to declare them.

/// Canonical names of the encodings a file can be decoded from.
export type EncodingName =
  | 'utf-8'
  | 'utf-16le'
  | 'utf-16be'
  | 'windows-1251'
  | 'koi8-r'
  | 'ibm866'
  | 'x-mac-cyrillic'
  | 'iso-8859-5'
  | 'kz-1048'
  | 'ptcp154'
  | 'koi8-u'
  | 'windows-1252';

/// The single-byte Cyrillic code pages that byte statistics choose between, in order of
/// preference when two decode a text identically (Russian text is the same in cp1251,
/// PTCP154 and KZ-1048; the first is by far the most common).
export const CYRILLIC_SINGLE_BYTE: readonly EncodingName[] = [
  'windows-1251',
  'koi8-r',
  'ibm866',
  'x-mac-cyrillic',
  'iso-8859-5',
  'ptcp154',
  'kz-1048',
];

/// iconv-lite's name for each single-byte encoding.
export const ICONV_NAME: Record<string, string> = {
  'windows-1251': 'cp1251',
  'koi8-r': 'koi8-r',
  'koi8-u': 'koi8-u',
  ibm866: 'cp866',
  'x-mac-cyrillic': 'maccyrillic',
  'iso-8859-5': 'iso-8859-5',
  'kz-1048': 'rk1048',
  ptcp154: 'pt154',
  'windows-1252': 'cp1252',
};

// Labels seen in XML declarations, HTML meta tags and HTTP headers (lower case,
// after removing '_' and spaces). WHATWG treats latin1/ascii labels as windows-1252.
const LABELS: Record<string, EncodingName> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be', unicode: 'utf-16le',
  'windows-1251': 'windows-1251', cp1251: 'windows-1251', 'x-cp1251': 'windows-1251', win1251: 'windows-1251',
  'win-1251': 'windows-1251', 'ms-cyrl': 'windows-1251',
  'koi8-r': 'koi8-r', koi8r: 'koi8-r', koi8: 'koi8-r', koi: 'koi8-r', cskoi8r: 'koi8-r',
  'koi8-u': 'koi8-u', 'koi8-ru': 'koi8-u',
  ibm866: 'ibm866', cp866: 'ibm866', '866': 'ibm866', csibm866: 'ibm866', 'dos-866': 'ibm866',
  'x-mac-cyrillic': 'x-mac-cyrillic', maccyrillic: 'x-mac-cyrillic', 'mac-cyrillic': 'x-mac-cyrillic',
  'x-mac-ukrainian': 'x-mac-cyrillic',
  'iso-8859-5': 'iso-8859-5', 'iso8859-5': 'iso-8859-5', iso88595: 'iso-8859-5', 'iso-ir-144': 'iso-8859-5',
  cyrillic: 'iso-8859-5', 'csisolatincyrillic': 'iso-8859-5',
  'kz-1048': 'kz-1048', kz1048: 'kz-1048', rk1048: 'kz-1048', 'strk1048-2002': 'kz-1048',
  ptcp154: 'ptcp154', pt154: 'ptcp154', cp154: 'ptcp154', 'cyrillic-asian': 'ptcp154', csptcp154: 'ptcp154',
  'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'iso-8859-1': 'windows-1252', latin1: 'windows-1252',
  'iso8859-1': 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252', 'l1': 'windows-1252',
};

/// The canonical name for an encoding label, or null when the importer does not know it.
export function encodingFromLabel(label: string): EncodingName | null {
  const key = label.trim().toLowerCase().replace(/_/g, '-').replace(/\s+/g, '');
  return LABELS[key] ?? LABELS[key.replace(/-/g, '')] ?? null;
}

/// True for the encodings whose bytes 0x00–0x7F are ASCII.
export function isAsciiCompatible(name: EncodingName): boolean {
  return name !== 'utf-16le' && name !== 'utf-16be';
}
