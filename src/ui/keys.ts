/**
 * Keys from raw terminal input. A terminal hands a program a chunk of bytes: one key, or many when the
 * user pastes (`3jjjj`) or types faster than the program reads (Enter and `y` together, keys pressed
 * while a bot thinks). Ink passes a run of plain characters on as one string, so the game splits every
 * chunk into single keys here and handles them one at a time, in order (see use-keys.ts).
 */

/** What a handler needs to know about one key (the subset of Ink's Key that the screens read). */
export interface KeyInfo {
  readonly upArrow: boolean;
  readonly downArrow: boolean;
  readonly leftArrow: boolean;
  readonly rightArrow: boolean;
  readonly pageUp: boolean;
  readonly pageDown: boolean;
  readonly home: boolean;
  readonly end: boolean;
  readonly return: boolean;
  readonly escape: boolean;
  readonly tab: boolean;
  readonly shift: boolean;
  readonly backspace: boolean;
  readonly delete: boolean;
  readonly ctrl: boolean;
  /** Alt/Option: ESC followed by a character. */
  readonly meta: boolean;
}

export interface KeyPress {
  /** The printable character ('' for a named key); for Ctrl+letter, the letter. */
  readonly input: string;
  readonly key: KeyInfo;
}

/** A key record with no named key and no modifier: what a printable character carries. */
export const NONE: KeyInfo = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  tab: false,
  shift: false,
  backspace: false,
  delete: false,
  ctrl: false,
  meta: false,
};

/** Escape sequences by their final part (after ESC [ or ESC O), xterm and VT220 forms. */
const SEQUENCES: Readonly<Record<string, Partial<KeyInfo>>> = {
  A: { upArrow: true },
  B: { downArrow: true },
  C: { rightArrow: true },
  D: { leftArrow: true },
  H: { home: true },
  F: { end: true },
  Z: { tab: true, shift: true },
  '1~': { home: true },
  '7~': { home: true },
  '4~': { end: true },
  '8~': { end: true },
  '5~': { pageUp: true },
  '6~': { pageDown: true },
  '3~': { delete: true },
};

/**
 * Splits a chunk into keys: each escape sequence (ESC [ … final byte, ESC O x) is one key, a lone ESC
 * is Escape, every other character is a key of its own (astral characters kept whole).
 */
export function splitKeys(chunk: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < chunk.length) {
    if (chunk[i] === '\x1b') {
      const next = chunk[i + 1];
      if (next === '[') {
        let j = i + 2;
        while (j < chunk.length && /[0-9;?<=>[]/.test(chunk[j]!)) j++;
        out.push(chunk.slice(i, Math.min(chunk.length, j + 1)));
        i = j + 1;
        continue;
      }
      if (next === 'O' && i + 2 < chunk.length) {
        out.push(chunk.slice(i, i + 3));
        i += 3;
        continue;
      }
      // ESC then a character is Alt+character; a lone ESC (or ESC ESC) is Escape.
      if (next !== undefined && next !== '\x1b') {
        out.push(chunk.slice(i, i + 2));
        i += 2;
        continue;
      }
      out.push('\x1b');
      i += 1;
      continue;
    }
    const cp = chunk.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    out.push(chunk.slice(i, i + len));
    i += len;
  }
  return out;
}

/** One key (an element of splitKeys) → what the handlers read. */
export function parseKey(seq: string): KeyPress {
  const k = (over: Partial<KeyInfo>, input = ''): KeyPress => ({ input, key: { ...NONE, ...over } });
  if (seq === '\r' || seq === '\n') return k({ return: true });
  if (seq === '\t') return k({ tab: true });
  if (seq === '\x7f' || seq === '\b') return k({ backspace: true });
  if (seq === '\x1b') return k({ escape: true });
  if (seq.length === 2 && seq[0] === '\x1b' && seq[1] !== '[' && seq[1] !== 'O') return k({ meta: true }, seq[1]);
  if (seq.startsWith('\x1b[') || seq.startsWith('\x1bO')) {
    const body = seq.slice(2).replace(/^\[/, '');
    // Modified keys (ESC [1;2A): the modifier sits before the final byte; shift is 2 (and 4, 6, 8).
    const mod = /^1;(\d+)([A-Z])$/.exec(body);
    const final = mod ? mod[2]! : body;
    const shift = mod ? (Number(mod[1]) - 1) % 2 === 1 : false;
    return k({ ...(SEQUENCES[final] ?? {}), ...(shift ? { shift: true } : {}) });
  }
  const code = seq.charCodeAt(0);
  if (seq.length === 1 && code >= 1 && code <= 26) return k({ ctrl: true }, String.fromCharCode(code + 96));
  return k(/^[A-Z]$/.test(seq) ? { shift: true } : {}, seq);
}

/** Every key of a chunk, in order. */
export function keysOf(chunk: string): KeyPress[] {
  return splitKeys(chunk).map(parseKey);
}
