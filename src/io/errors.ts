/**
 * File-system failures as user-facing errors. Every read or write of the CLI goes through src/io, which
 * turns a Node errno error into an `IoError` naming the flag, the path and the reason in words; the CLI
 * prints its message (no stack) and exits with its code. Exit 2 is for a path the user can fix by
 * choosing another (missing, a directory, read-only, not ours, too large); exit 1 is for a write that
 * failed while running (full disk, I/O error): the command was right, the run failed (README, Conventions).
 */
export class IoError extends Error {
  override readonly name = 'IoError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Reasons in words, for the errno codes a user meets. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system',
  EIO: 'input/output error',
  EPIPE: 'the reader closed the pipe',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EEXIST: 'already exists',
  EBUSY: 'device or resource busy',
  ETXTBSY: 'file busy',
  ENXIO: 'no such device',
  EAGAIN: 'would block (not a regular file?)',
};

/** Failures of the run itself rather than of the path chosen: exit 1. */
const RUN_FAILURES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO', 'EPIPE']);

export function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code in REASONS ? code : undefined;
}

/** `--csv: cannot write 'x.csv': read-only file system (EROFS)`; non-errno errors are rethrown. */
export function ioError(action: string, err: unknown): IoError {
  if (err instanceof IoError) return err;
  const code = errnoCode(err);
  if (code === undefined) throw err;
  return new IoError(`${action}: ${REASONS[code]} (${code})`, RUN_FAILURES.has(code) ? 1 : 2, code);
}

/** The reason in words for an errno code, or undefined. */
export function reasonOf(err: unknown): string | undefined {
  const code = errnoCode(err);
  return code === undefined ? undefined : `${REASONS[code]} (${code})`;
}

/** Runs `f`, turning an errno failure into an IoError that starts with `action`. */
export function guarded<T>(action: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw ioError(action, err);
  }
}
