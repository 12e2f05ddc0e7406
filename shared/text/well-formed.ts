// Whether a string is text at all: JavaScript strings may hold half of a UTF-16 surrogate pair
// alone (from a JSON `\ud800` escape, say), which no encoding can write; SQLite stores such a
// string as bytes that read back as replacement characters.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormedText(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}
