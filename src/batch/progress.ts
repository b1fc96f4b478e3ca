/**
 * The progress line on stderr: games done, games/s and ETA. Silent when stderr is not a terminal, so
 * pipes and files get only the results. The clock is read here for display only, never for results.
 */
export class Progress {
  private readonly start = performance.now();
  private lastDraw = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly label = 'games',
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = stream.isTTY === true;
    this.stream = stream;
  }
  private readonly stream: NodeJS.WriteStream;

  update(done: number, force = false): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const secs = (now - this.start) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const width = 30;
    const filled = this.total > 0 ? Math.round((done / this.total) * width) : width;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const pct = this.total > 0 ? Math.floor((done / this.total) * 100) : 100;
    this.stream.write(`\r${bar} ${done}/${this.total} ${this.label} ${pct}% · ${speedText(done, this.total, rate, this.label)}  `);
  }

  end(): void {
    if (!this.enabled) return;
    this.stream.write('\r\x1b[2K');
  }
}

/** Speed and time left; before the first game is done there is nothing to measure yet. Slow games (a searching bot) read per game. */
export function speedText(done: number, total: number, rate: number, label = 'games'): string {
  if (done >= total) return 'done';
  if (done === 0 || rate <= 0) return 'first games under way…';
  const speed = rate >= 1 ? `${rate.toFixed(0)}/s` : `${(1 / rate).toFixed(1)} s a ${label.replace(/s$/, '')}`;
  return `${speed} · ETA ${formatSeconds((total - done) / rate)}`;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`;
}

/**
 * Progress for a log or a pipe: `emit` at the first count of each new tenth of `total` (and at the end),
 * however often it is called. Steps are counted in work done, never in time, so the lines are the same
 * on every run and every machine.
 */
export function sparseProgress(emit: (done: number, total: number) => void, steps = 10): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const step = total > 0 ? Math.floor((done * steps) / total) : steps;
    if (step > last) {
      last = step;
      emit(done, total);
    }
  };
}
