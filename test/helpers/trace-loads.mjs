// `node --import ./test/helpers/trace-loads.mjs …`: appends the URL of every module the process loads
// to the file named by BRINK_TRACE_LOADS, so a test can tell what a command imported.
import { register } from 'node:module';

register('./trace-hooks.mjs', import.meta.url);
