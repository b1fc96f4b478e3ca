/**
 * Output targets: every file the CLI writes is named by a flag and checked before any work starts.
 *
 * - `-` (and `/dev/stdout`, `/dev/fd/1`) means standard output, for every output flag; nothing is ever
 *   created or replaced at such a path.
 * - Anything else must be a regular file or a new name in an existing, writable directory; a directory,
 *   a device, a FIFO or a dangling symbolic link is refused with the reason.
 * - A symbolic link is followed: the file written is its target, so the link stays a link, and a
 *   replaced file keeps its mode.
 * - Two flags may not name the same file, nor both standard output.
 *
 * Whole files are written with write-file-atomic (temporary file, fsync, rename). A file written as a
 * stream (a batch's CSV, which can outgrow memory) goes through `AtomicStream`, which follows the same
 * rules (resolved target, kept mode, rename at the end) and always removes its temporary file: on
 * failure, on abort, and on process exit.
 */
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import writeFileAtomic from 'write-file-atomic';
import { IoError, errnoCode, guarded, ioError } from './errors.ts';
import { fileKind } from './read.ts';

export type OutputTarget =
  | { readonly kind: 'stdout'; readonly flag: string; readonly given: string }
  | {
      readonly kind: 'file';
      readonly flag: string;
      /** The path as the user wrote it, for messages. */
      readonly given: string;
      /** The file actually written: absolute, symbolic links resolved. */
      readonly path: string;
      /** Mode bits of the existing file, kept when it is replaced. */
      readonly mode?: number;
      readonly exists: boolean;
    };

/** Paths that name standard output itself: written as standard output, never opened or replaced. */
const STDOUT_NAMES = new Set(['-', '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

export const isStdout = (given: string) => STDOUT_NAMES.has(given);

/**
 * Checks an output path given with `flag` and says what will be written. Throws an IoError (exit 2)
 * for a path that cannot be written; nothing is created here.
 */
export function outputTarget(flag: string, given: string): OutputTarget {
  if (given === '') throw new IoError(`${flag}: an empty file name`);
  if (isStdout(given)) return { kind: 'stdout', flag, given };
  const action = `${flag}: cannot write '${given}'`;
  let link;
  try {
    link = lstatSync(given);
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') throw ioError(action, err);
  }
  if (!link) return newFile(flag, given, action);
  let st;
  try {
    st = statSync(given);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') throw new IoError(`${action}: a symbolic link to a file that does not exist`);
    throw ioError(action, err);
  }
  if (!st.isFile()) {
    throw new IoError(`${action}: ${fileKind(st)}, not a regular file (name a file, or - for standard output)`);
  }
  const path = guarded(action, () => realpathSync(given));
  guarded(action, () => accessSync(path, constants.W_OK));
  guarded(`${action}: its directory`, () => accessSync(dirname(path), constants.W_OK));
  return { kind: 'file', flag, given, path, mode: st.mode & 0o7777, exists: true };
}

function newFile(flag: string, given: string, action: string): OutputTarget {
  const dir = dirname(resolve(given));
  let st;
  try {
    st = statSync(dir);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') throw new IoError(`${action}: the directory '${dirname(given)}' does not exist`);
    throw ioError(action, err);
  }
  if (!st.isDirectory()) throw new IoError(`${action}: '${dirname(given)}' is not a directory`);
  guarded(action, () => accessSync(dir, constants.W_OK));
  const path = join(
    guarded(action, () => realpathSync(dir)),
    basename(given),
  );
  return { kind: 'file', flag, given, path, exists: false };
}

/** Refuses two outputs aimed at standard output, or at the same file. */
export function distinctOutputs(targets: readonly (OutputTarget | undefined)[]): void {
  const seen: OutputTarget[] = [];
  for (const t of targets) {
    if (!t) continue;
    for (const s of seen) {
      if (t.kind === 'stdout' && s.kind === 'stdout') {
        throw new IoError(`${s.flag} and ${t.flag} both write to standard output; send one of them to a file`);
      }
      if (t.kind === 'file' && s.kind === 'file' && t.path === s.path) {
        throw new IoError(`${s.flag} '${s.given}' and ${t.flag} '${t.given}' are the same file; give each output its own file`);
      }
    }
    seen.push(t);
  }
}

/** Where standard output goes; the CLI's writer, so tests can capture it. */
export type StdoutWriter = (s: string) => void;

/** Writes a whole file atomically (or to standard output): write-file-atomic, with errors in words. */
export function writeOutput(target: OutputTarget, data: string, stdout: StdoutWriter): void {
  if (target.kind === 'stdout') {
    stdout(data);
    return;
  }
  guarded(`${target.flag}: cannot write '${target.given}'`, () =>
    writeFileAtomic.sync(target.path, data, target.mode !== undefined ? { mode: target.mode } : {}),
  );
}

/** A file written piece by piece: appended (JSONL), or replaced atomically at the end (CSV). */
export interface OutputStream {
  write(text: string): void;
  /** Finishes the file: fsync and close; an atomic stream renames over its target here. */
  commit(): void;
  /** Gives up: an atomic stream's temporary file is removed and the target left as it was. */
  abort(): void;
}

class StdoutStream implements OutputStream {
  constructor(private readonly stdout: StdoutWriter) {}
  write(text: string): void {
    if (text.length > 0) this.stdout(text);
  }
  commit(): void {}
  abort(): void {}
}

function writeAll(fd: number, text: string, action: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) off += guarded(action, () => writeSync(fd, buf, off, buf.length - off));
}

/** Temporary files not yet renamed or removed: removed when the process exits, however it exits. */
const liveTemps = new Set<string>();
let exitHookInstalled = false;
function trackTemp(path: string): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const p of liveTemps) {
        try {
          unlinkSync(p);
        } catch {
          // Already gone.
        }
      }
    });
  }
  liveTemps.add(path);
}

let tempCounter = 0;

class AtomicStream implements OutputStream {
  private fd: number | undefined;
  private readonly tmp: string;
  private readonly action: string;

  constructor(private readonly target: Extract<OutputTarget, { kind: 'file' }>) {
    this.action = `${target.flag}: cannot write '${target.given}'`;
    this.tmp = `${target.path}.${process.pid}.${threadId}.${tempCounter++}.tmp`;
    trackTemp(this.tmp);
    try {
      this.fd = guarded(this.action, () => openSync(this.tmp, 'wx', target.mode ?? 0o666));
    } catch (err) {
      liveTemps.delete(this.tmp);
      throw err;
    }
  }

  write(text: string): void {
    if (this.fd === undefined) throw new Error(`${this.target.flag}: write after the file was closed`);
    try {
      writeAll(this.fd, text, this.action);
    } catch (err) {
      this.abort();
      throw err;
    }
  }

  commit(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    try {
      guarded(this.action, () => fsyncSync(fd));
      closeSync(fd);
      this.fd = undefined;
      // open() applied the umask; a replaced file keeps exactly its old mode.
      if (this.target.mode !== undefined) guarded(this.action, () => chmodSync(this.tmp, this.target.mode!));
      guarded(this.action, () => renameSync(this.tmp, this.target.path));
      liveTemps.delete(this.tmp);
    } catch (err) {
      this.abort();
      throw err;
    }
    syncDir(dirname(this.target.path));
  }

  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // Closing is best effort here: the file is being thrown away.
      }
      this.fd = undefined;
    }
    try {
      unlinkSync(this.tmp);
    } catch {
      // Already renamed or never created.
    }
    liveTemps.delete(this.tmp);
  }
}

class AppendStream implements OutputStream {
  private fd: number | undefined;
  private readonly action: string;
  constructor(target: Extract<OutputTarget, { kind: 'file' }>) {
    this.action = `${target.flag}: cannot write '${target.given}'`;
    this.fd = guarded(this.action, () => openSync(target.path, 'a', 0o666));
  }
  write(text: string): void {
    if (this.fd === undefined) throw new Error('write after the file was closed');
    writeAll(this.fd, text, this.action);
  }
  commit(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      guarded(this.action, () => fsyncSync(fd));
    } finally {
      closeSync(fd);
    }
  }
  abort(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch {
      // Best effort: what was written is whole lines already.
    }
    this.fd = undefined;
  }
}

/** A file replaced atomically when the stream commits (or standard output). */
export function atomicStream(target: OutputTarget, stdout: StdoutWriter): OutputStream {
  return target.kind === 'stdout' ? new StdoutStream(stdout) : new AtomicStream(target);
}

/** A file appended to (created if missing), or standard output. */
export function appendStream(target: OutputTarget, stdout: StdoutWriter): OutputStream {
  return target.kind === 'stdout' ? new StdoutStream(stdout) : new AppendStream(target);
}

/** Makes a rename durable; some platforms cannot open a directory for fsync, and the rename stands anyway. */
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // See above.
  }
}
