/** A pair of record keys in the one order the match tables store it (`a < b`). */
export function orderPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}
