/** A vertical list with a highlighted row (marked with ›, not colour alone). */
import { Text } from 'ink';
import { clip } from '../text.ts';
import { tone } from '../theme.ts';

export interface MenuItem {
  readonly key: string;
  readonly label: string;
}

export function Menu({ items, selected, width, max }: { items: readonly MenuItem[]; selected: number; width: number; max?: number }) {
  const limit = max ?? items.length;
  const start = Math.max(0, Math.min(selected - Math.floor(limit / 2), items.length - limit));
  return (
    <>
      {items.slice(start, start + limit).map((item, i) => {
        const on = start + i === selected;
        return (
          <Text key={item.key} bold={on} color={on ? tone('accent') : undefined}>
            {clip(`${on ? '›' : ' '} ${item.label}`, width)}
          </Text>
        );
      })}
    </>
  );
}

/** Moves a selection with ↑/↓ (and k/j), stopping at either end; Home and End jump to the first and last entry. */
export function moveSelection(
  current: number,
  count: number,
  key: { upArrow?: boolean; downArrow?: boolean; home?: boolean; end?: boolean },
  input: string,
): number {
  if (count === 0) return 0;
  // No wrap-around: ↑ at the top of an order list must not land on its last, most escalatory entry.
  if (key.upArrow || input === 'k') return Math.max(0, current - 1);
  if (key.downArrow || input === 'j') return Math.min(count - 1, current + 1);
  if (key.home) return 0;
  if (key.end) return count - 1;
  return current;
}
