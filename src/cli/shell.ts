/** Quoting for commands the CLI prints for the user to paste into a POSIX shell. */

/** `word` as one shell word: left bare when it is plainly safe, else single-quoted ('\'' for a quote). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
