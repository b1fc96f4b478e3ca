/**
 * Importing a `--policy-module` file, in the main thread and in each worker thread. A TypeScript module
 * needs a loader such as tsx (`node --import tsx bin/brink …`). Node 20 does not run `--import`
 * preloads in worker threads, so a worker that meets an extension it does not know loads the process's
 * `--import` modules itself (resolved from the working directory, as node resolves them; tsx through its
 * register API) and tries again. Newer nodes that do run them in workers never reach the retry.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

let preloaded: Promise<void> | undefined;

/** The modules named by `--import X` / `--import=X` among node's own flags. */
export function importFlags(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  execArgv.forEach((a, i) => {
    if (a === '--import' && execArgv[i + 1]) out.push(execArgv[i + 1]!);
    else if (a.startsWith('--import=')) out.push(a.slice('--import='.length));
  });
  return out;
}

function runPreloads(): Promise<void> {
  preloaded ??= (async () => {
    const req = createRequire(join(process.cwd(), 'noop.js'));
    for (const spec of importFlags(process.execArgv)) {
      if (spec === 'tsx' || spec === 'tsx/esm') {
        // tsx's preload entry registers its hooks only from the main thread; its API does it anywhere.
        const pkgFile = req.resolve('tsx/package.json');
        const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
        const entry = join(dirname(pkgFile), pkg.exports['./esm/api']!.import.default);
        const api = (await import(pathToFileURL(entry).href)) as { register(): unknown };
        api.register();
        continue;
      }
      await import(/^(file|data|node):/.test(spec) ? spec : pathToFileURL(req.resolve(spec)).href);
    }
  })();
  return preloaded;
}

/** The module `file` (a path), with the process's `--import` loaders in a worker thread too. */
export async function importModule(file: string): Promise<unknown> {
  const url = pathToFileURL(resolve(file)).href;
  try {
    return await import(url);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (isMainThread || code !== 'ERR_UNKNOWN_FILE_EXTENSION' || importFlags(process.execArgv).length === 0) throw err;
    await runPreloads();
    // A failed import stays failed under its URL for this thread; the query makes it a new one.
    return await import(`${url}?after-preload`);
  }
}
