/**
 * Loading scenarios: YAML in, a validated `Scenario` out, or a `ScenarioError` whose every issue reads
 * `file:line:col path: message`, located on the YAML node at fault (or its nearest existing parent).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, isMap, isScalar, parseDocument, visit, type Document } from 'yaml';
import { IoError } from '../io/errors.ts';
import { compiledCopy } from '../io/shipped-yaml.ts';
import { MiB, readTextFile } from '../io/read.ts';
import type { z } from 'zod';
import { aSide } from '../model/actions.ts';
import { ALWAYS_PREFIX, portfolioSide } from '../model/portfolio.ts';
import { ScenarioSchema, type Scenario } from './schema.ts';
import { issueInWords, tightestIssues } from './issue-words.ts';

export interface ScenarioIssue {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly path: string;
  readonly message: string;
}

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
  }
}

export function formatIssue(i: ScenarioIssue): string {
  return `${i.file}:${i.line}:${i.col} ${i.path || '(document)'}: ${i.message}`;
}

export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

type PathKey = string | number;

export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out === '' ? k : `.${k}`;
  return out;
}

/** The offset of the node at `path`, or of the nearest ancestor that exists. */
export function locate(doc: Document, path: readonly PathKey[], unknownKey?: string): number {
  const keys = [...path];
  for (;;) {
    const node = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      if (unknownKey !== undefined && isMap(node)) {
        const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === unknownKey);
        if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
      }
      return node.range[0] as number;
    }
    if (keys.length === 0) return 0;
    keys.pop();
  }
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

export function hashScenario(doc: z.output<typeof ScenarioSchema>): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(doc)))
    .digest('hex')
    .slice(0, 16);
}

/**
 * The largest scenario file read. The shipped ones are a few kilobytes; parsing YAML takes about 150
 * times the text in memory, so this keeps a parse near 150 MB, and a larger file gets a clear error
 * before any parsing instead of running out of memory.
 */
export const MAX_SCENARIO_BYTES = 1 * MiB;

/** Alias expansions allowed in one file: far above any real scenario, far below a billion laughs. */
const MAX_ALIASES = 50;

/** Keys that would reach an object's prototype: refused, not dropped. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The bots a scenario's `defaults` may name. The policy registry is one (policies/index.ts), but
 * scenario/ sits below policies/, so whoever loads a scenario for play passes it in.
 */
export interface KnownPolicies {
  has(id: string): boolean;
  ids(): readonly string[];
}

export interface LoadOptions {
  /** Check `defaults.usPolicy` and `defaults.iranPolicy` against these bots. */
  readonly policies?: KnownPolicies;
}

/**
 * Issues the schema cannot see in `defaults`: a fixed order of the other side, and (with the registry,
 * which sits above this layer) an unknown bot.
 */
function policyIssues(s: Scenario, policies: KnownPolicies | undefined): { path: PathKey[]; message: string }[] {
  return (['usPolicy', 'iranPolicy'] as const).flatMap((key) => {
    const id = s.defaults[key];
    const side = key === 'usPolicy' ? 'us' : 'iran';
    // A fixed order names its side's actions: the other side's order would fail only once a command ran.
    const orderSide = id?.startsWith(ALWAYS_PREFIX) ? portfolioSide(id.slice(ALWAYS_PREFIX.length)) : undefined;
    if (orderSide !== undefined && orderSide !== side) {
      return [
        {
          path: ['defaults', key],
          message: `'${id}' is ${aSide(orderSide)} order; ${key} needs ${aSide(side)} one`,
        },
      ];
    }
    if (id === undefined || !policies || policies.has(id)) return [];
    return [
      { path: ['defaults', key], message: `unknown bot '${id}'; expected one of ${policies.ids().join(', ')}, or always:<force>+<signal>` },
    ];
  });
}

/**
 * Parses and validates a scenario's YAML text; `file` names it in errors (and finds the build's copy of a
 * shipped file, which spares the YAML parse: src/io/shipped-yaml.ts).
 */
export function parseScenario(text: string, file: string, options: LoadOptions = {}): Scenario {
  const copy = compiledCopy(file, text);
  if (copy !== undefined) {
    const result = ScenarioSchema.safeParse(copy);
    if (result.success) return checked({ ...result.data, hash: hashScenario(result.data) }, text, file, options);
    // Invalid under today's schema: the YAML path below reports where.
  }
  const { doc, lc } = parseYaml(text);
  const at = (offset: number) => lc.linePos(offset);
  // Warnings are errors here: an unknown tag (`!foo`) would otherwise silently become a string.
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    throw new ScenarioError(
      problems.map((e) => {
        const pos = e.linePos?.[0] ?? at(e.pos[0]);
        const message =
          e.code === 'TAG_RESOLVE_FAILED'
            ? `unknown YAML tag (${e.message.split('\n')[0]}); scenarios use plain YAML without tags`
            : `YAML: ${e.message.split('\n')[0]}`;
        return { file, line: pos.line, col: pos.col, path: '', message };
      }),
    );
  }
  const badKeys: ScenarioIssue[] = [];
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        const pos = at(pair.key.range?.[0] ?? 0);
        badKeys.push({ file, line: pos.line, col: pos.col, path: '', message: `'${String(pair.key.value)}' is not allowed as a key` });
      }
    },
  });
  if (badKeys.length > 0) throw new ScenarioError(badKeys);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    const message = /alias/i.test((err as Error).message)
      ? `YAML: too many alias expansions (the limit is ${MAX_ALIASES}); write the repeated values out in full`
      : `YAML: ${(err as Error).message}`;
    throw new ScenarioError([{ file, line: 1, col: 1, path: '', message }]);
  }
  const result = ScenarioSchema.safeParse(data);
  if (!result.success) {
    throw new ScenarioError(
      tightestIssues(result.error.issues).map((issue) => {
        const path = issue.path.filter((k): k is PathKey => typeof k === 'string' || typeof k === 'number');
        const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
        return locatedIssue(doc, lc, file, path, issueInWords(issue, ScenarioSchema), unknown);
      }),
    );
  }
  return checked({ ...result.data, hash: hashScenario(result.data) }, text, file, options, doc, lc);
}

function parseYaml(text: string): { doc: Document; lc: LineCounter } {
  const lc = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true }), lc };
}

/** An issue at `path` (or at the key `unknownKey` under it), located on its YAML node. */
function locatedIssue(
  doc: Document,
  lc: LineCounter,
  file: string,
  path: readonly PathKey[],
  message: string,
  unknownKey?: string,
): ScenarioIssue {
  const pos = lc.linePos(locate(doc, path, unknownKey));
  const shownPath = unknownKey !== undefined ? formatPath([...path, unknownKey]) : formatPath(path);
  return { file, line: pos.line, col: pos.col, path: shownPath, message };
}

/** A valid scenario, or the issues of `policyIssues` located in its text (parsed only then, when a shipped file's copy spared it). */
function checked(s: Scenario, text: string, file: string, options: LoadOptions, doc?: Document, lc?: LineCounter): Scenario {
  const issues = policyIssues(s, options.policies);
  if (issues.length === 0) return s;
  const yaml = doc && lc ? { doc, lc } : parseYaml(text);
  throw new ScenarioError(issues.map((i) => locatedIssue(yaml.doc, yaml.lc, file, i.path, i.message)));
}

export function loadScenarioFile(path: string, options: LoadOptions = {}): Scenario {
  let text: string;
  try {
    text = readTextFile(path, { what: 'scenario file', maxBytes: MAX_SCENARIO_BYTES });
  } catch (err) {
    if (!(err instanceof IoError)) throw err;
    // The issue names the file already: the reason alone follows it.
    const message = err.code === 'ENOENT' ? 'no such file' : err.message.replace(`${path}: `, '');
    throw new ScenarioError([{ file: path, line: 1, col: 1, path: '', message }]);
  }
  return parseScenario(text, path, options);
}

/** The IDs of the shipped scenarios, from `scenarios/*.yaml`. */
export function listScenarioIds(dir = SCENARIO_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((f) => basename(f).replace(/\.ya?ml$/, ''))
    .sort();
}

/**
 * Every shipped scenario, in the order a reader meets them: the record's scenarios by their start date
 * (october-2023, red-sea, tower-22), then the what-ifs (rafah). The menu, `scenarios list` and `explain`
 * all use it, so a newcomer is offered the history before the counterfactual.
 */
export function loadShippedScenarios(dir = SCENARIO_DIR): Scenario[] {
  return listScenarioIds(dir)
    .map((id) => loadShippedScenario(id, dir))
    .sort((a, b) => Number(b.historical) - Number(a.historical) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}

/**
 * A shipped scenario by its ID, and nothing else: for IDs read from inside files (a save, a batch
 * JSON), which must never be taken as paths.
 */
export function loadShippedScenario(id: string, dir = SCENARIO_DIR): Scenario {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || !listScenarioIds(dir).includes(id)) {
    throw new ScenarioError([
      {
        file: String(id).slice(0, 80),
        line: 1,
        col: 1,
        path: '',
        message: `no shipped scenario with that ID; shipped scenarios: ${listScenarioIds(dir).join(', ')}`,
      },
    ]);
  }
  return loadScenarioFile(join(dir, `${id}.yaml`));
}

/** Whether a --scenario argument names a file rather than a shipped ID: it has a slash or a YAML ending. */
export function looksLikeScenarioPath(idOrPath: string): boolean {
  return /[\\/]/.test(idOrPath) || /\.ya?ml$/.test(idOrPath);
}

/** A shipped scenario by ID, or a file by path (as given on the command line). */
export function loadScenario(idOrPath: string, options: LoadOptions & { readonly dir?: string } = {}): Scenario {
  const dir = options.dir ?? SCENARIO_DIR;
  if (looksLikeScenarioPath(idOrPath) || existsSync(idOrPath)) return loadScenarioFile(idOrPath, options);
  const file = join(dir, `${idOrPath}.yaml`);
  if (!existsSync(file)) {
    throw new ScenarioError([
      {
        file: idOrPath,
        line: 1,
        col: 1,
        path: '',
        message: `no scenario with that ID; shipped scenarios: ${listScenarioIds(dir).join(', ')}`,
      },
    ]);
  }
  return loadScenarioFile(file, options);
}
