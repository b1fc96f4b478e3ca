/** Drives `bin/brink` in a real pseudo-terminal and reads the screen through a headless xterm. */
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Session {
  screen(): string;
  /** Everything the program wrote, escape codes included. */
  raw(): string;
  write(keys: string): void;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number>;
  kill(): void;
  resize(cols: number, rows: number): void;
}

export function spawnBrink(args: readonly string[], opts: { cols?: number; rows?: number; env?: Record<string, string>; cwd?: string } = {}): Session {
  const cols = opts.cols ?? 80;
  const rows = opts.rows ?? 24;
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  const proc = pty.spawn(process.execPath, [resolve(ROOT, 'bin/brink'), ...args], {
    name: 'xterm-256color', cols, rows, cwd: opts.cwd ?? ROOT,
    env: { ...process.env, CI: 'false', TERM: 'xterm-256color', FORCE_COLOR: '1', ...(opts.env ?? {}) } as Record<string, string>,
  });
  let raw = '';
  proc.onData((d) => {
    raw += d;
    term.write(d);
  });
  const exited = new Promise<number>((res) => proc.onExit((e) => res(e.exitCode)));
  const screen = () => {
    const buf = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < term.rows; i++) lines.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  // Keys go out one at a time, 25 ms apart, as a person types: keys written in one burst can reach the
  // program as a single input chunk, which no keyboard produces. waitFor starts after the last key.
  let typing: Promise<void> = Promise.resolve();
  const write = (keys: string) => {
    typing = typing.then(async () => {
      proc.write(keys);
      await new Promise((r) => setTimeout(r, 25));
    });
  };
  const waitFor = async (text: string | RegExp, timeoutMs = 15_000) => {
    await typing;
    const t0 = Date.now();
    for (;;) {
      const s = screen();
      if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    screen, waitFor, exited, raw: () => raw,
    write,
    kill: () => proc.kill(),
    resize: (c, r) => {
      proc.resize(c, r);
      term.resize(c, r);
    },
  };
}

export const KEY = { enter: '\r', esc: '\x1b', down: '\x1b[B', up: '\x1b[A', tab: '\t', right: '\x1b[C', left: '\x1b[D' } as const;
