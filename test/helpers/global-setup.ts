/**
 * Before the tests: make dist/ current. The CLI tests run bin/brink, which runs the compiled build, so a
 * stale dist/ would test yesterday's code; this builds only when a source is newer than the last build.
 */
import { ensureBuilt } from '../../scripts/build.mjs';

export default function setup(): void {
  ensureBuilt();
}
