/** Drives `bin/brink` in a real pseudo-terminal and reads the screen through a headless xterm. */
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** Generous: a loaded 2-core machine can take seconds to start node and draw the first screen. */
const WAIT_TIMEOUT_MS = 45_000;
const KEY_TIMEOUT_MS = 30_000;

export interface Session {
  /** The last whole frame: never one the program was still drawing. */
  screen(): string;
  /** Every whole frame seen so far, in order. */
  frames(): readonly string[];
  /** Waits until the program has written `text` (whole frame or not). */
  waitForOutput(text: string): Promise<void>;
  /** Everything the program wrote, escape codes included. */
  raw(): string;
  write(keys: string): void;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number>;
  kill(): void;
  resize(cols: number, rows: number): void;
}

export interface SpawnOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  cwd?: string;
}

export function spawnBrink(args: readonly string[], opts: SpawnOptions = {}): Session {
  return spawnInPty(resolve(ROOT, 'bin/brink'), args, opts);
}

/** Runs a node script in a pseudo-terminal (bin/brink for the game; the harness's own test runs a stand-in). */
export function spawnInPty(script: string, args: readonly string[], opts: SpawnOptions = {}): Session {
  const cols = opts.cols ?? 80;
  const rows = opts.rows ?? 24;
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  const proc = pty.spawn(process.execPath, [script, ...args], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: opts.cwd ?? ROOT,
    // CI off (and its older name): Ink marks its frames only outside CI (is-in-ci), and the harness reads the marks.
    env: {
      ...process.env,
      CI: 'false',
      CONTINUOUS_INTEGRATION: 'false',
      TERM: 'xterm-256color',
      FORCE_COLOR: '1',
      ...(opts.env ?? {}),
    } as Record<string, string>,
  });
  let raw = '';
  let ended = false;
  // Ink wraps each frame in synchronized-output marks (DEC mode 2026: begin ESC[?2026h, end ESC[?2026l) on a
  // TTY. A pty hands a big frame over in several chunks, and a screen read between them is half old, half
  // new: a test could find the text it waits for while the line it checks next is not drawn yet. So the
  // tests only ever see whole frames: the screen is read once xterm has parsed output that leaves no
  // synchronized block open. Output outside any block (plain text, errors) counts as whole at once.
  let frame = '';
  const frames: string[] = [];
  let inBlock = false;
  // Waiters are checked each time xterm has parsed new output (and when the program exits): no polling.
  const waiters = new Set<() => void>();
  const recheck = () => {
    for (const w of [...waiters]) w();
  };
  proc.onData((d) => {
    raw += d;
    // Look a little behind the chunk too, in case a mark was split between two chunks.
    const tail = raw.slice(-(d.length + SYNC_BEGIN.length));
    const begin = tail.lastIndexOf(SYNC_BEGIN);
    const end = tail.lastIndexOf(SYNC_END);
    if (begin >= 0 || end >= 0) inBlock = begin > end;
    const whole = !inBlock;
    term.write(d, () => {
      if (whole) {
        frame = readScreen();
        if (frames.at(-1) !== frame) frames.push(frame);
      }
      recheck();
    });
  });
  // node-pty reports the exit once the pty has delivered its last output, but xterm parses what it was
  // given later, in its own tick: the last screen is read once xterm has parsed everything (a program that
  // prints an error and exits at once had left the screen blank here, now and then, under load).
  const exited = new Promise<number>((res) =>
    proc.onExit((e) => {
      term.write('', () => {
        ended = true;
        frame = readScreen();
        recheck();
        res(e.exitCode);
      });
    }),
  );
  const readScreen = () => {
    const buf = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < term.rows; i++) lines.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  /** The last whole frame (see above). */
  const screen = () => frame;
  /** Resolves with the screen once `done(screen)` holds; fails after a generous timeout, showing the screen. */
  const until = (done: (s: string) => boolean, what: string, timeoutMs: number, read = screen) =>
    new Promise<string>((res, rej) => {
      const check = () => {
        const s = read();
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
      await new Promise<void>((r) => term.write('', r)); // xterm has parsed all output so far
      const before = screen(); // the last whole frame: a key answered mid-frame shows as a later whole frame
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
    frames: () => frames,
    waitFor,
    waitForOutput: async (text: string) => {
      await until(
        (r) => r.includes(text),
        `output ${JSON.stringify(text)}`,
        WAIT_TIMEOUT_MS,
        () => raw,
      );
    },
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

const SYNC_BEGIN = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';

export const KEY = { enter: '\r', esc: '\x1b', down: '\x1b[B', up: '\x1b[A', tab: '\t', right: '\x1b[C', left: '\x1b[D' } as const;
