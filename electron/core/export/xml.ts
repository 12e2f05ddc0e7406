// XML 1.0 forbids most control characters even as references; a stray one in an imported
// article must not make the whole export unreadable, so it becomes U+FFFD.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_SPECIAL = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTR_SPECIAL = /[&<>"\n\r\t\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/// Text content: `&`, `<`, `>` escaped, characters XML cannot carry replaced.
export function xmlText(s: string): string {
  // Most strings need nothing: one scan, no copy.
  if (!TEXT_SPECIAL.test(s)) return s;
  return s.replace(FORBIDDEN, '\uFFFD').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/// An attribute value in double quotes; line breaks and tabs are written as references because
/// a parser would otherwise normalise them to spaces.
export function xmlAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return xmlText(s).replace(/["\n\r\t]/g, (c) => (c === '"' ? '&quot;' : c === '\n' ? '&#10;' : c === '\r' ? '&#13;' : '&#9;'));
}

/// `name="value"` pairs, leaving out the absent ones.
export function xmlAttrs(attrs: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) out += ` ${k}="${xmlAttr(String(v))}"`;
  return out;
}
