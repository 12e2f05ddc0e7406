/// A number with its noun in the right form for people to read: "1 article", "3 articles",
/// "0 passages". English plurals only; the CLI speaks English.
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
