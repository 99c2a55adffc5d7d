/** The words of a free-text search; every one must occur ("mia lake" finds Mia's lake note). */
export function searchWords(q: string | undefined): string[] {
  return q === undefined ? [] : q.split(/\s+/).filter((word) => word !== "");
}

/** A word that ILIKE matches literally: its own `%`, `_` and `\` are no wildcards. */
export function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (character) => `\\${character}`);
}
