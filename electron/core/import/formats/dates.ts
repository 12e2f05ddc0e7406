// Dates as sources write them, to ISO YYYY-MM-DD. The calendar date is taken as written in
// the source's own time zone (a feed's "Tue, 3 Jan 2006 23:30 +0300" is 3 January, as its
// readers saw it), never shifted to UTC.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  янв: 1, фев: 2, мар: 3, апр: 4, мая: 5, май: 5, июн: 6, июл: 7, авг: 8, сен: 9, окт: 10, ноя: 11, дек: 12,
};

/// An ISO date if y-m-d is a real calendar day (years 1000–2999), else null.
export function isoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/// Parse the date forms found in files: ISO 8601 (with or without time), RFC 822/1123 as in
/// RSS ("Tue, 3 Jan 2006 19:57:00 +0300"), "3 January 2006", "03.01.2006", "2006/01/03",
/// and Russian month names ("4 марта 2020"). Null when there is no recognisable date.
export function parseDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(s);
  if (m) return isoDate(+m[3], +m[2], +m[1]);
  m = /^(?:[\p{L}]+,?\s+)?(\d{1,2})\s+([\p{L}]+)\.?,?\s+(\d{4})\b/u.exec(s);
  if (m) {
    const month = MONTHS[m[2].slice(0, 3).toLowerCase()];
    return month ? isoDate(+m[3], month, +m[1]) : null;
  }
  m = /^(?:[\p{L}]+,?\s+)?([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b/u.exec(s);
  if (m) {
    const month = MONTHS[m[1].slice(0, 3).toLowerCase()];
    return month ? isoDate(+m[3], month, +m[2]) : null;
  }
  return null;
}
