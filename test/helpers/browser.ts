/**
 * A headless Chromium for the tests that render HTML in a real browser, with nothing installed by hand:
 * `npm ci && npm test` on a machine with only Node 20 and npm must pass.
 *
 * Lookup order:
 * 1. Debian's `chromium` (`/usr/bin/chromium`) when it is present. `BRINK_SYSTEM_CHROMIUM` names another
 *    path to look at instead (set it to a path that does not exist to test the fallback below).
 * 2. Otherwise the Chromium shipped inside the exact devDependency `@sparticuz/chromium` (a
 *    headless-shell build and its libraries, brotli-compressed inside the npm package). It is unpacked
 *    once into `node_modules/.cache/` (a staging directory renamed into place, so concurrent test
 *    processes never see a half-written binary; the package's own `executablePath()` unpacks into a
 *    shared `/tmp/chromium` that a second process can launch while it is still being written).
 *
 * When no browser launches, `launchBrowser` throws an error that says what it tried and why each failed,
 * and how to fix it, instead of a bare playwright stack.
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const PACKAGE = '@sparticuz/chromium';

/** Flags for a test browser: no sandbox (CI runs as root), no GPU, and nothing that talks to the network. */
const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-default-browser-check',
];

export interface ChromiumCandidate {
  /** Where it came from, for messages: `debian` or `npm`. */
  source: 'debian' | 'npm';
  executablePath: string;
  args: string[];
  env?: Record<string, string>;
}

export interface LookupOptions {
  /** Where Debian's chromium would be; default `BRINK_SYSTEM_CHROMIUM` or /usr/bin/chromium. */
  systemPath?: string;
  /** The npm package carrying a Chromium (a test names a missing one to see the error). */
  npmPackage?: string;
}

const systemPathOf = (opts: LookupOptions) => opts.systemPath ?? (process.env.BRINK_SYSTEM_CHROMIUM || DEBIAN_CHROMIUM);

/** Debian's chromium, or undefined when it is not installed where `systemPath` says. */
export function systemChromium(opts: LookupOptions = {}): ChromiumCandidate | undefined {
  const path = systemPathOf(opts);
  return existsSync(path) ? { source: 'debian', executablePath: path, args: ['--headless', ...QUIET_ARGS] } : undefined;
}

/** The root of an installed npm package, or undefined when it is not installed. */
function packageRoot(name: string): string | undefined {
  try {
    // @sparticuz/chromium's main resolves to <root>/build/cjs/index.cjs
    return resolve(dirname(createRequire(import.meta.url).resolve(name)), '../..');
  } catch {
    return undefined;
  }
}

/**
 * Extracts a tar archive held in memory (the package's archives hold only plain files and directories;
 * anything else is refused rather than half-extracted).
 */
function untar(tar: Buffer, into: string): void {
  const field = (block: Buffer, at: number, len: number) =>
    block
      .subarray(at, at + len)
      .toString('utf8')
      .replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break; // end-of-archive marker
    const prefix = field(header, 345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(header, 0, 100);
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = field(header, 156, 1) || '0';
    const mode = parseInt(field(header, 100, 8).trim() || '644', 8);
    const target = resolve(into, name);
    if (!target.startsWith(resolve(into))) throw new Error(`${PACKAGE}: archive entry ${name} points outside its directory`);
    if (type === '5') mkdirSync(target, { recursive: true });
    else if (type === '0') {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, tar.subarray(at + 512, at + 512 + size), { mode });
    } else throw new Error(`${PACKAGE}: archive entry ${name} has unsupported type '${type}'`);
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/**
 * Unpacks the npm package's Chromium into node_modules/.cache/ once, and returns its directory. Safe when
 * several test processes do it at the same time: each unpacks into its own staging directory and renames
 * it into place; the loser of the rename deletes its copy.
 */
export async function unpackNpmChromium(name = PACKAGE): Promise<string> {
  const root = packageRoot(name);
  if (!root) throw new Error(`${name} is not installed (it is a devDependency: run npm ci)`);
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const cache = resolve(root, '../../.cache');
  const dir = join(cache, `brink-chromium-${version}`);
  if (existsSync(join(dir, 'chromium'))) return dir;
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, `brink-chromium-${version}.staging-`));
  try {
    const bin = join(root, 'bin');
    await pipeline(
      createReadStream(join(bin, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(join(staging, 'chromium'), { mode: 0o755 }),
    );
    untar(brotliDecompressSync(readFileSync(join(bin, 'swiftshader.tar.br'))), staging);
    untar(brotliDecompressSync(readFileSync(join(bin, 'fonts.tar.br'))), staging);
    // The package's fonts.conf names Lambda's directories; ours adds its fonts to the system's, so text
    // renders on a machine without any fonts installed.
    writeFileSync(
      join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${join(dir, 'fonts')}</dir>
  <cachedir>${join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`,
    );
    try {
      renameSync(staging, dir);
    } catch (e) {
      // Another process got there first (the target exists and is not empty): use its copy.
      if (!existsSync(join(dir, 'chromium'))) throw e;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

/** The npm package's Chromium, unpacked. */
export async function npmChromium(opts: LookupOptions = {}): Promise<ChromiumCandidate> {
  const dir = await unpackNpmChromium(opts.npmPackage);
  return {
    source: 'npm',
    executablePath: join(dir, 'chromium'),
    // A headless-shell build: --no-zygote as the package recommends for a root user without a sandbox.
    args: ['--no-zygote', ...QUIET_ARGS],
    env: { FONTCONFIG_FILE: join(dir, 'fonts.conf') },
  };
}

/** Launches a headless Chromium (Debian's, else the npm package's), or throws saying why none would start. */
export async function launchBrowser(opts: LookupOptions = {}): Promise<Browser> {
  const failures: string[] = [];
  const candidates: (() => Promise<ChromiumCandidate | undefined>)[] = [
    async () => {
      const c = systemChromium(opts);
      if (!c) failures.push(`Debian's chromium: not installed (no ${systemPathOf(opts)})`);
      return c;
    },
    () => npmChromium(opts),
  ];
  for (const find of candidates) {
    let c: ChromiumCandidate | undefined;
    try {
      c = await find();
      if (!c) continue;
      return await chromium.launch({
        executablePath: c.executablePath,
        headless: true,
        args: c.args,
        env: { ...process.env, ...c.env } as Record<string, string>,
      });
    } catch (e) {
      const first = (e instanceof Error ? e.message : String(e)).split('\n').slice(0, 6).join('\n    ');
      failures.push(`${c ? `${c.source} chromium at ${c.executablePath}` : (opts.npmPackage ?? PACKAGE)}: ${first}`);
    }
  }
  throw new Error(
    `No headless Chromium could be launched for the browser test. Tried:\n  - ${failures.join('\n  - ')}\n` +
      `Fix: run \`npm ci\` (it installs ${PACKAGE}, which carries its own Chromium), or install Debian's chromium.`,
  );
}
