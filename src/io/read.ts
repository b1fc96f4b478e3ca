/**
 * Reading the files a user names: regular files only (a device, a FIFO or a directory is refused before
 * a byte is read, so `/dev/zero` cannot fill memory), never more than a stated limit, and JSONL read as
 * a stream of lines so a file of any length resumes in bounded memory.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { IoError, guarded } from './errors.ts';

export const MiB = 1024 * 1024;

/** What kind of file `st` is, in words, for "not a regular file (…)". */
export function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Where a read failed, in the style of every input error (`brink: where: what`): a flag's file under the
 * flag the user typed ("--from: cannot read 'x.json'"), a file named by itself under its own name
 * ("game.save.json: cannot read this save file"), as a fault in its content is ("game.save.json:13:77: …").
 */
export function cannotRead(what: string, path: string): string {
  return what.startsWith('--') ? `${what}: cannot read '${path}'` : `${path}: cannot read this ${what}`;
}

const tooLargeWhere = (what: string, path: string) => (what.startsWith('--') ? `${what}: '${path}'` : `${path}: this ${what}`);

const size = (n: number) => (n >= MiB ? `${(n / MiB).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`);

/**
 * Opens `path` for reading if it is a regular file. O_NONBLOCK so that opening a FIFO with no writer
 * does not hang before the check can refuse it. `what` names the file in messages ("--from").
 */
export function openRegular(path: string, what: string): { fd: number; size: number } {
  const fd = guarded(cannotRead(what, path), () => openSync(path, constants.O_RDONLY | constants.O_NONBLOCK));
  try {
    const st = guarded(cannotRead(what, path), () => fstatSync(fd));
    if (!st.isFile()) throw new IoError(`${cannotRead(what, path)}: ${fileKind(st)}, not a regular file`);
    return { fd, size: st.size };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** Checks that `path` is a regular file within `maxBytes`, for files another reader loads (a module). */
export function checkRegularFile(path: string, what: string, maxBytes: number): void {
  const { fd, size: n } = openRegular(path, what);
  closeSync(fd);
  if (n > maxBytes) throw new IoError(`${tooLargeWhere(what, path)} is too large (${size(n)}; the limit is ${size(maxBytes)})`);
}

export interface ReadLimits {
  /** Names the file in messages: "scenario file", "--from". */
  readonly what: string;
  readonly maxBytes: number;
}

/**
 * The whole of a regular file as UTF-8 text, refused with a clear error past `maxBytes`. A leading byte
 * order mark is dropped: Windows editors (Notepad) write one, and JSON.parse refuses it.
 */
export function readTextFile(path: string, { what, maxBytes }: ReadLimits): string {
  const { fd, size: statSize } = openRegular(path, what);
  try {
    const tooLarge = () =>
      new IoError(`${tooLargeWhere(what, path)} is too large (${size(Math.max(statSize, maxBytes + 1))}; the limit is ${size(maxBytes)})`);
    if (statSize > maxBytes) throw tooLarge();
    // Read at most maxBytes + 1: a file that grows while we read it is still caught by the limit.
    const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(statSize + 1, 64 * 1024)));
    let len = 0;
    for (;;) {
      if (len === buf.length) break;
      const n = guarded(cannotRead(what, path), () => readSync(fd, buf, len, buf.length - len, null));
      if (n === 0) break;
      len += n;
    }
    if (len > maxBytes) throw tooLarge();
    const text = buf.toString('utf8', 0, len);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}

export interface Line {
  readonly text: string;
  /** 1-based line number. */
  readonly lineNo: number;
  /** Byte offset of the line's first byte. */
  readonly offset: number;
}

/**
 * The lines of a regular file, read in chunks: memory stays bounded by `maxLineBytes` whatever the file
 * size. `onLine` sees each complete line (without its newline); returns the last line if it has no
 * final newline (a write cut short), or undefined. A line longer than `maxLineBytes` is an error.
 */
export function forEachLine(path: string, what: string, maxLineBytes: number, onLine: (line: Line) => void): Line | undefined {
  const { fd } = openRegular(path, what);
  const longLine = (lineNo: number) =>
    new IoError(
      `${what.startsWith('--') ? `${what}: '${path}'` : path}:${lineNo}: a line longer than ${size(maxLineBytes)}; not a file this command wrote`,
    );
  try {
    const chunk = Buffer.allocUnsafe(MiB);
    let carry: Buffer = Buffer.alloc(0);
    let carryOffset = 0;
    let lineNo = 0;
    for (;;) {
      const n = guarded(cannotRead(what, path), () => readSync(fd, chunk, 0, chunk.length, null));
      if (n === 0) break;
      const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        lineNo++;
        if (nl - start > maxLineBytes) throw longLine(lineNo);
        onLine({ text: data.toString('utf8', start, nl), lineNo, offset: carryOffset + start });
        start = nl + 1;
      }
      carryOffset += start;
      carry = Buffer.from(data.subarray(start));
      if (carry.length > maxLineBytes) throw longLine(lineNo + 1);
    }
    return carry.length > 0 ? { text: carry.toString('utf8'), lineNo: lineNo + 1, offset: carryOffset } : undefined;
  } finally {
    closeSync(fd);
  }
}
