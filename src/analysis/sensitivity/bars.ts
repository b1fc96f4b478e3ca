/**
 * A horizontal bar chart for the terminal: one row per item, the bar's length proportional to its
 * value, and an interval (when given) drawn as ├──┤ over the bar so the reader sees the precision.
 */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly lo?: number;
  readonly hi?: number;
  /** A short tag after the figure, e.g. "cited" or "assumption". */
  readonly note?: string;
}

export function renderBars(bars: readonly Bar[], options: { width?: number; max?: number; digits?: number } = {}): string {
  const width = options.width ?? 40;
  const digits = options.digits ?? 2;
  const max = options.max ?? Math.max(1e-12, ...bars.map((b) => Math.max(b.value, b.hi ?? b.value)));
  const labelWidth = Math.max(0, ...bars.map((b) => b.label.length));
  const cell = (x: number) => Math.max(0, Math.min(width, Math.round((x / max) * width)));
  return bars
    .map((b) => {
      const row: string[] = Array.from({ length: width }, (_, i) => (i < cell(b.value) ? '█' : ' '));
      if (b.lo !== undefined && b.hi !== undefined) {
        const lo = cell(Math.max(0, b.lo));
        const hi = Math.max(lo, cell(b.hi) - 1);
        for (let i = lo; i <= hi && i < width; i++) if (row[i] === ' ') row[i] = '─';
        if (lo < width) row[lo] = '├';
        if (hi < width) row[hi] = hi === lo ? '│' : '┤';
      }
      const figure =
        b.value.toFixed(digits) + (b.lo !== undefined && b.hi !== undefined ? ` [${b.lo.toFixed(digits)}–${b.hi.toFixed(digits)}]` : '');
      return `${b.label.padEnd(labelWidth)} │${row.join('')}│ ${figure}${b.note ? `  ${b.note}` : ''}`;
    })
    .join('\n');
}
