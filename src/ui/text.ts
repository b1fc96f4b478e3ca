/** Text layout helpers for a fixed-size terminal: wrapping, clipping, sparklines, bars. Display only. */

/** A paragraph's words, a unit kept with its figure: "35 %" never breaks before the "%" (chanceText writes it so). */
function words(para: string): string[] {
  const out: string[] = [];
  for (const w of para.split(/\s+/).filter(Boolean)) {
    if (out.length > 0 && /^%[^\s%]*$/.test(w)) out[out.length - 1] += ` ${w}`;
    else out.push(w);
  }
  return out;
}

/** Word-wraps `text` to `width` columns; from the second line on, to `next` columns where given (a hanging indent). */
export function wrap(text: string, width: number, next = width): string[] {
  const out: string[] = [];
  const w = () => Math.max(10, out.length === 0 ? width : next);
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of words(para)) {
      if (line.length === 0) line = word;
      else if (line.length + 1 + word.length <= w()) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
      while (line.length > w()) {
        const cut = w();
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    out.push(line);
  }
  return out;
}

/** The mark a list item opens with ("• ", "↳ ", "← ", "12. "), or '' when it opens with none. */
function itemMark(text: string): string {
  return /^(?:[•↳←]|\d+\.) /.exec(text)?.[0] ?? '';
}

/**
 * `head` then `text` word-wrapped to `width` columns, the continuation lines hanging under the text's
 * words: past `head`, and past the mark a list item opens with ("• ", "↳ "), so each item reads as one.
 */
export function hang(head: string, text: string, width: number): string[] {
  const indent = ' '.repeat(head.length + itemMark(text).length);
  return wrap(text, width - head.length, width - indent.length).map((l, i) => (i === 0 ? head : indent) + l);
}

/**
 * Word-wraps a plain-text document for a terminal `width` wide: each line keeps its indentation, and
 * its continuation lines hang two columns further in, so that lists and tables stay readable.
 */
export function wrapDocument(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.length <= width) return [line];
      const indent = /^ */.exec(line)![0];
      const hang = `${indent}  `;
      const [first = '', ...rest] = wrap(line.slice(indent.length), width - hang.length);
      return [`${indent}${first}`, ...rest.map((l) => `${hang}${l}`)];
    })
    .join('\n');
}

/**
 * Wraps a line of ` · `-separated figures ("Iraq 3 · Syria 4 · Jordan 0") between figures, never inside
 * one; a figure too long for a line, or a line without separators, word-wraps as usual.
 */
export function wrapAtSeparators(line: string, width: number, options: { readonly trailing?: boolean } = {}): string[] {
  const parts = line.split(' · ');
  if (parts.length < 2 || parts.some((p) => p.length > width - 2)) return wrap(line, width);
  // A run of figures keeps its "·" at a break (the list goes on below); with trailing: false, a line of
  // separate items (the set-up's choices) drops it there, where it would dangle.
  const trailing = options.trailing ?? true;
  const out: string[] = [];
  let cur = '';
  for (const [i, p] of parts.entries()) {
    const piece = i < parts.length - 1 && trailing ? `${p} ·` : p;
    const gap = trailing ? ' ' : ' · ';
    if (cur === '') cur = piece;
    else if (cur.length + gap.length + piece.length <= width) cur += `${gap}${piece}`;
    else {
      out.push(cur);
      cur = piece;
    }
  }
  out.push(cur);
  return out;
}

/** A line as Ink shows it: an empty Text takes no row there, so a blank line is a space. */
export function textRow(line: string): string {
  return line === '' ? ' ' : line;
}

/** Cuts a line to `width` columns, marking the cut. */
export function clip(s: string, width: number): string {
  if (width <= 0) return '';
  return s.length <= width ? s : `${s.slice(0, Math.max(0, width - 1))}…`;
}

/**
 * The first of `variants` that fits `width` columns: a caller lists a line from its fullest form to its
 * shortest, so a narrow terminal drops the parts the caller chose to lose first. When none fits, the
 * shortest is cut.
 */
export function firstFit(variants: readonly string[], width: number): string {
  return clip(variants.find((v) => v.length <= width) ?? variants[variants.length - 1] ?? '', width);
}

/**
 * Key hints joined with ` · `: where they do not fit, whole hints go, the lowest `keep` first (the
 * others keep their order); a hint is never cut in the middle while two are left.
 */
export function joinHints(hints: readonly (readonly [text: string, keep: number])[], width: number): string {
  const shown = [...hints];
  const line = () => shown.map(([t]) => t).join(' · ');
  while (shown.length > 1 && line().length > width) {
    const least = shown.reduce((lo, h, i) => (h[1] < shown[lo]![1] ? i : lo), 0);
    shown.splice(least, 1);
  }
  return clip(line(), width);
}

/**
 * A labelled 0–1 value in at most `width` columns, the label padded to `labelWidth` so that a column of
 * them lines up: where room is short the bar narrows first, then the label is shortened; the value is
 * never cut off its label.
 */
export function gaugeLine(label: string, value: number, width: number, labelWidth: number): string {
  const v = value.toFixed(2);
  const barWidth = Math.max(3, Math.min(10, width - labelWidth - v.length - 2));
  const room = Math.max(1, width - barWidth - v.length - 2);
  return `${clip(label, room).padEnd(Math.min(labelWidth, room))} ${bar(value, barWidth)} ${v}`;
}

/**
 * A status message as the rows under a screen show it: wrapped, never cut (a save's file name must be
 * read whole to resume the game), at most `max` rows; no message is one blank row.
 */
export function statusLines(status: string | undefined, width: number, max = 3): string[] {
  if (!status) return [' '];
  const lines = wrap(status, width);
  return lines.length <= max ? lines : [...lines.slice(0, max - 1), clip(lines.slice(max - 1).join(' '), width)];
}

/** `head`, `middle` and `tail` in `width` columns: only the middle is cut, so a mark at either end survives. */
export function clipInside(head: string, middle: string, tail: string, width: number): string {
  const room = width - head.length - tail.length;
  return room < 2 ? clip(head + middle + tail, width) : `${head}${clip(middle, room)}${tail}`;
}

/** At most `max` lines; the last says how many were left out (fitWhole with one line an item). */
export function fit(lines: readonly string[], max: number): string[] {
  return fitWhole(
    lines.map((l) => [l]),
    max,
    (n) => `… ${n} more`,
  );
}

/**
 * Whole items (each its wrapped lines) in at most `max` lines: an item that does not fit is left out
 * whole, never cut mid-sentence, and the last line says how many items were left out.
 */
export function fitWhole<T>(items: readonly (readonly T[])[], max: number, more: (n: number) => T): T[] {
  if (max <= 0) return [];
  const total = items.reduce((n, it) => n + it.length, 0);
  if (total <= max) return items.flat();
  const out: T[] = [];
  let used = 0;
  let kept = 0;
  for (const it of items) {
    if (used + it.length > max - 1) break;
    out.push(...it);
    used += it.length;
    kept++;
  }
  return [...out, more(items.length - kept)];
}

const SPARKS = '▁▂▃▄▅▆▇█';
/** A week with none: a dot, apart from the lowest bar, so a quiet week reads as quiet. */
export const SPARK_NONE = '·';

/** A count per week, scaled to the busiest: none is SPARK_NONE, any other count at least the lowest bar. */
export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return '';
  const max = Math.max(...values);
  return values.map((v) => (v <= 0 ? SPARK_NONE : SPARKS[Math.max(0, Math.min(7, Math.round((v / max) * 7)))])).join('');
}

/** A rung of the ladder as a bar of as many blocks as its number: rung 0 none, rung 7 seven. */
export function rungBar(rung: number): string {
  return '█'.repeat(Math.max(0, rung));
}

/** A 0..1 value as a bar of `width` cells. */
export function bar(value: number, width: number): string {
  const n = Math.max(0, Math.min(width, Math.round(value * width)));
  return '█'.repeat(n) + '·'.repeat(width - n);
}
