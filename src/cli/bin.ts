/**
 * The process entry of the `brink` command: bin/brink imports the compiled copy (dist/cli/bin.js); a
 * developer can run the sources with `node --import tsx src/cli/bin.ts`. It loads only main.ts, which
 * imports each command's module when that command runs (and guards stdout: main.ts).
 */
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
