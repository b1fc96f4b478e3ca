/**
 * The package version, read from package.json in one place, so `brink --version` and the published
 * package cannot disagree. (The model version, which adds a hash of the rules, is src/model/version.ts.)
 */
import { readFileSync } from 'node:fs';

/** package.json sits one level above src/. */
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const PACKAGE_VERSION: string = pkg.version;
