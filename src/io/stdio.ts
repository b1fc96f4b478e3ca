/**
 * Standard output and error as the CLI's data channels. A write to stdout can fail after the program
 * has moved on (stdout is a full disk, `/dev/full`, or a closed pipe): Node reports it as an 'error'
 * event, which would otherwise crash with a stack trace. Here it ends the program at once, since
 * nothing more can be delivered: a reader that stopped early (EPIPE, `brink run | head`) is not an
 * error (exit 0, quietly); any other failure prints one line to stderr and exits 1. Temporary files
 * are removed by their exit hook (output.ts).
 */
import { reasonOf } from './errors.ts';

let installed = false;

export function guardStdio(exit: (code: number) => never = process.exit): void {
  if (installed) return;
  installed = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') exit(0);
    try {
      process.stderr.write(`brink: cannot write to standard output: ${reasonOf(err) ?? err.message}\n`);
    } catch {
      // stderr is gone too: the exit code still tells.
    }
    exit(1);
  });
  // Nothing useful can be done when stderr itself fails; never crash for it.
  process.stderr.on('error', () => {});
}
