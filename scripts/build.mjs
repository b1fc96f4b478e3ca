// `npm run build` (and `prepare`, which `npm ci` and `npm install` run): compiles src/ to dist/ with
// tsc (tsconfig.build.json says why tsc rather than a bundler), then stamps dist/ so that tests can tell
// a fresh build from a stale one without running tsc. `ensureBuilt()` is what the test set-up calls:
// it builds only when a source is newer than the stamp, so a developer who edits src/ and runs
// `npx vitest run test/…` tests what they edited, and an unchanged tree costs one directory walk.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(ROOT, 'dist', '.build-stamp');
/** What the build reads: a change to any of them makes dist/ stale. */
const INPUTS = ['src', 'scenarios', 'seeds', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** The folders of shipped YAML that get JSON copies: SHIPPED_YAML_DIRS in src/io/shipped-yaml.ts. */
const SHIPPED_YAML_DIRS = ['scenarios', 'seeds'];
/** The readers' alias limit (src/scenario/loader.ts): a file they would refuse gets no copy. */
const MAX_ALIASES = 50;

function newestInput() {
  let newest = 0;
  const visit = (p) => {
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) visit(join(p, e));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const i of INPUTS) visit(join(ROOT, i));
  return newest;
}

export function isStale() {
  let stamp;
  try {
    stamp = statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  return newestInput() > stamp;
}

/**
 * Removes what tsc left in dist/ from sources that no longer exist (a renamed or deleted module): tsc's
 * incremental build never deletes, and a stale module would ship in the package.
 */
function prune() {
  const DIST = join(ROOT, 'dist');
  const visit = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        visit(p);
        if (readdirSync(p).length === 0) rmSync(p, { recursive: true });
        continue;
      }
      const m = /^(.*)\.(?:js|d\.ts)(?:\.map)?$/.exec(relative(DIST, p));
      if (!m) continue;
      const base = join(ROOT, 'src', m[1]);
      if (!['.ts', '.tsx'].some((ext) => exists(base + ext))) rmSync(p);
    }
  };
  visit(DIST);
}

function exists(p) {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

export function build() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`the build failed (tsc exited ${r.status})`);
  prune();
  compileShippedYaml();
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

/**
 * Writes dist/compiled/<path>.json for each shipped YAML file: its SHA-256 and its data. The readers take
 * a copy only when the hash matches the YAML they read (src/io/shipped-yaml.ts says why and how). A file
 * with any YAML error or warning, or too many aliases, gets no copy, so its reader meets the problem in
 * the YAML itself and reports it with a line and column.
 */
function compileShippedYaml() {
  const { parseDocument } = createRequire(import.meta.url)('yaml');
  const out = join(ROOT, 'dist', 'compiled');
  rmSync(out, { recursive: true, force: true });
  for (const dir of SHIPPED_YAML_DIRS) {
    for (const name of readdirSync(join(ROOT, dir))) {
      if (!/\.ya?ml$/.test(name)) continue;
      const text = readFileSync(join(ROOT, dir, name), 'utf8');
      const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
      if (doc.errors.length > 0 || doc.warnings.length > 0) continue;
      let data;
      try {
        data = doc.toJS({ maxAliasCount: MAX_ALIASES });
      } catch {
        continue;
      }
      const sha256 = createHash('sha256').update(text).digest('hex');
      mkdirSync(join(out, dir), { recursive: true });
      writeFileSync(join(out, dir, name.replace(/\.ya?ml$/, '.json')), JSON.stringify({ sha256, data }));
    }
  }
}

export function ensureBuilt() {
  if (isStale()) build();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    build();
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
