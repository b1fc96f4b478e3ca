/**
 * The build's JSON copies of the YAML files Brink ships (scenarios/*.yaml, seeds/*.yaml).
 *
 * Why: the YAML library is slow to start. Reading the evidence, the record table and the scenarios it
 * names cost about 0.45 s of CPU before `brink run` played a turn, paid again by every command and every
 * batch worker; JSON.parse of the same data takes about a millisecond. So `npm run build` (which `npm ci`
 * runs) writes dist/compiled/<path>.json for each shipped file: the SHA-256 of the YAML text and the data
 * it parses to, made only from a file with no YAML error or warning (scripts/build.mjs).
 *
 * The YAML stays the one source: a reader always reads the YAML text, and takes the copy only when its
 * hash matches that text byte for byte, so an edited or unbuilt file is parsed afresh. The data then goes
 * through the same validation as parsed YAML would; only error locations need the YAML document, and a
 * reader parses it when (and only when) it has an error to place.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The project root, from src/io/ or dist/io/ alike. */
const ROOT = resolve(HERE, '../..');
/** dist/compiled/ when this module runs from dist/; src/compiled/ (which never exists) from the sources. */
const COPIES = resolve(HERE, '../compiled');
/** The shipped YAML lives in these folders; nothing else has a copy. */
export const SHIPPED_YAML_DIRS = ['scenarios', 'seeds'] as const;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Where the copy of the project file `rel` (for example `seeds/facts.yaml`) lives under `copies`. */
export function copyPathOf(rel: string, copies = COPIES): string {
  return resolve(copies, rel.replace(/\.ya?ml$/, '.json'));
}

/**
 * The data of the build's copy of the YAML file at `path` whose text is `text`, or undefined when there
 * is no copy made from exactly this text (a user's file, a file edited since the build, a run from src/).
 */
export function compiledCopy(path: string, text: string): unknown {
  const rel = relative(ROOT, resolve(path));
  if (isAbsolute(rel) || rel.startsWith('..')) return undefined;
  const top = rel.split(sep)[0];
  if (!SHIPPED_YAML_DIRS.some((d) => d === top)) return undefined;
  let copy: { sha256?: unknown; data?: unknown };
  try {
    copy = JSON.parse(readFileSync(copyPathOf(rel), 'utf8')) as typeof copy;
  } catch {
    return undefined;
  }
  return copy.sha256 === sha256(text) ? copy.data : undefined;
}
