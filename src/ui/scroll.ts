/** Scrolling a list of lines in a window of fixed height: ↑/↓ (k/j) a line, PgUp/PgDn (space) a window, Home/End. */
import type { KeyInfo } from './keys.ts';

/** The largest useful offset: the last line at the bottom of the window. */
export function maxOffset(total: number, height: number): number {
  return Math.max(0, total - height);
}

/** The new offset after a key, or undefined when the key does not scroll. */
export function scrollBy(offset: number, key: KeyInfo, input: string, total: number, height: number): number | undefined {
  const page = Math.max(1, height - 1);
  let next: number;
  if (key.upArrow || input === 'k') next = offset - 1;
  else if (key.downArrow || input === 'j') next = offset + 1;
  else if (key.pageUp || input === 'b') next = offset - page;
  else if (key.pageDown || input === ' ') next = offset + page;
  else if (key.home || input === 'g') next = 0;
  else if (key.end || input === 'G') next = total;
  else return undefined;
  return Math.max(0, Math.min(maxOffset(total, height), next));
}

/**
 * The window of lines to show and the marks around it: "↑ n more" / "↓ n more" take a row each when
 * lines are hidden that way, so the reader always knows there is more and how to get it.
 */
export function windowOf<T>(lines: readonly T[], offset: number, height: number): { shown: readonly T[]; above: number; below: number } {
  if (lines.length <= height) return { shown: lines, above: 0, below: 0 };
  const start = Math.max(0, Math.min(offset, maxOffset(lines.length, height)));
  const shown = lines.slice(start, start + height);
  return { shown, above: start, below: lines.length - start - shown.length };
}

/** Rows of lines a window `height` high shows: one fewer when they overflow, for the row that says so (hiddenMark). */
export function rowsShown(total: number, height: number): number {
  return total > height ? Math.max(1, height - 1) : height;
}

/** The row under a window that hides lines: how many each way, and the keys that reach them ('' when none is hidden). */
export function hiddenMark(above: number, below: number): string {
  const hidden = [above > 0 ? `↑ ${above}` : '', below > 0 ? `↓ ${below}` : ''].filter(Boolean).join(' ');
  return hidden && `${hidden} more: ↑↓ PgUp PgDn`;
}
