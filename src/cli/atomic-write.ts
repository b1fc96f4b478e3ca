/**
 * Writing a whole file so that a crash or a full disk never leaves a half-written file where a good one
 * was: write-file-atomic writes a temporary file beside the target, fsyncs it and renames it over the
 * target; it follows a symbolic link to its target and keeps the replaced file's mode. Output flags go
 * through src/io/output.ts, which also checks the path first; this is for paths chosen by the program.
 */
import writeFileAtomicLib from 'write-file-atomic';

export function writeFileAtomic(path: string, data: string): void {
  writeFileAtomicLib.sync(path, data);
}
