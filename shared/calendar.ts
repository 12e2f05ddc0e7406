// Days of the Gregorian calendar, for what the contract and the query language accept as dates.

/// The number of days in a month (1–12) of a year.
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; setUTCFullYear keeps years below 100
  // as they are (Date.UTC would read 24 as 1924).
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/// Whether YYYY-MM-DD names a day of the calendar (not 2025-13-45 or 2025-02-30).
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
