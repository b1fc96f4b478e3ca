/** Drives `bin/brink` in a real pseudo-terminal and reads the screen through a headless xterm. */
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** Generous: a loaded 2-core machine can take seconds to start node and draw the first screen. */
const WAIT_TIMEOUT_MS = 45_000;
const KEY_TIMEOUT_MS = 30_000;

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

export function spawnBrink(
  args: readonly string[],
  opts: { cols?: number; rows?: number; env?: Record<string, string>; cwd?: string } = {},
): Session {
  const cols = opts.cols ?? 80;
  const rows = opts.rows ?? 24;
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  const proc = pty.spawn(process.execPath, [resolve(ROOT, 'bin/brink'), ...args], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, CI: 'false', TERM: 'xterm-256color', FORCE_COLOR: '1', ...(opts.env ?? {}) } as Record<string, string>,
  });
  let raw = '';
  let ended = false;
  // Waiters are checked each time xterm has parsed new output (and when the program exits): no polling.
  const waiters = new Set<() => void>();
  const recheck = () => {
    for (const w of [...waiters]) w();
  };
  proc.onData((d) => {
    raw += d;
    term.write(d, recheck);
  });
  const exited = new Promise<number>((res) =>
    proc.onExit((e) => {
      ended = true;
      recheck();
      res(e.exitCode);
    }),
  );
  const screen = () => {
    const buf = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < term.rows; i++) lines.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  /** Resolves with the screen once `done(screen)` holds; fails after a generous timeout, showing the screen. */
  const until = (done: (s: string) => boolean, what: string, timeoutMs: number) =>
    new Promise<string>((res, rej) => {
      const check = () => {
        const s = screen();
        if (done(s)) {
          finish();
          res(s);
        } else if (ended) {
          finish();
          rej(new Error(`the program exited while waiting for ${what}; screen:\n${s}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        rej(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${screen()}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  // Keys go out one at a time, each only once the program has answered the one before by redrawing the
  // screen (or by exiting): keys written in one burst can reach the program as a single input chunk, which
  // no keyboard produces, and a key read before Ink re-rendered reaches a handler holding the old state.
  // Every key the tests send changes the screen. waitFor starts after the last key was answered.
  let typing: Promise<unknown> = Promise.resolve();
  const write = (keys: string) => {
    typing = typing.then(async () => {
      await new Promise<void>((r) => term.write('', r)); // xterm has drawn all output so far
      const before = screen();
      proc.write(keys);
      return until((s) => s !== before || ended, `the screen to answer ${JSON.stringify(keys)}`, KEY_TIMEOUT_MS).catch((e: unknown) => {
        if (!ended) throw e;
      });
    });
  };
  const waitFor = async (text: string | RegExp, timeoutMs = WAIT_TIMEOUT_MS) => {
    await typing;
    return until((s) => (typeof text === 'string' ? s.includes(text) : text.test(s)), String(text), timeoutMs);
  };
  return {
    screen,
    waitFor,
    exited,
    raw: () => raw,
    write,
    kill: () => proc.kill(),
    resize: (c, r) => {
      proc.resize(c, r);
      term.resize(c, r);
    },
  };
}

export const KEY = { enter: '\r', esc: '\x1b', down: '\x1b[B', up: '\x1b[A', tab: '\t', right: '\x1b[C', left: '\x1b[D' } as const;
