// The order articles are assembled in, whatever store they come from: JavaScript's string order (UTF-16 code units).
// PostgreSQL's "C" collation orders by code point, which differs for ids with characters from U+E000 up beside ones
// past U+FFFF, and an id stored encoded (text-codec.ts) sorts where its escape puts it: the database's order is not it.

/** Compares two article ids in assembly order. */
export function compareArticleIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
