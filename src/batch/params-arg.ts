/** Parameter flags (`--param name=value`, sweep ranges): checked against PARAM_SPECS' bounds. */
import { PARAM_IDS, PARAM_SPECS, isParamId, type ParamId } from '../model/params.ts';
import { BatchInputError } from './input-error.ts';
import { nearMisses } from '../scenario/issue-words.ts';

export function paramId(flag: string, name: string): ParamId {
  if (!isParamId(name)) {
    const near = nearMisses(name, PARAM_IDS, 5);
    throw new BatchInputError(
      `${flag}: unknown parameter '${name}'${near.length ? ` (did you mean ${near.join(', ')}?)` : ''} (\`brink explain --list\` lists them)`,
    );
  }
  return name;
}

/** A decimal number (`0.5`, `-2`, `1e-3`): `Number` alone would also read `0x10`, `0b1` and `Infinity`. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function number(flag: string, raw: string): number {
  const x = Number(raw.trim());
  if (!DECIMAL.test(raw.trim()) || !Number.isFinite(x)) throw new BatchInputError(`${flag}: '${raw}' is not a decimal number`);
  return x;
}

function inRange(flag: string, id: ParamId, x: number): number {
  const s = PARAM_SPECS[id];
  if (x < s.min || x > s.max) throw new BatchInputError(`${flag}: ${id} must be between ${s.min} and ${s.max}, got ${x}`);
  return x;
}

/** `name=value` → [name, value]. */
export function parseAssignment(flag: string, raw: string): [ParamId, number] {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new BatchInputError(`${flag} expects name=value, got '${raw}'`);
  const id = paramId(flag, raw.slice(0, eq).trim());
  return [id, inRange(flag, id, number(flag, raw.slice(eq + 1)))];
}

export function parseAssignments(flag: string, raws: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const raw of raws) {
    const [id, value] = parseAssignment(flag, raw);
    if (Object.hasOwn(out, id)) throw new BatchInputError(`${flag}: ${id} was given twice; give it once`);
    out[id] = value;
  }
  return out;
}

/**
 * A sweep range: `name=lo:hi:steps`, or `name` alone for ±50 % around its value (from `base`, the
 * scenario's), clamped to the parameter's bounds, in 5 steps.
 */
export function parseSweepRange(flag: string, raw: string, base: Readonly<Record<string, number>>): { id: ParamId; values: number[] } {
  const eq = raw.indexOf('=');
  const id = paramId(flag, (eq < 0 ? raw : raw.slice(0, eq)).trim());
  const s = PARAM_SPECS[id];
  let lo: number;
  let hi: number;
  let steps = 5;
  if (eq < 0) {
    const v = base[id] ?? s.value;
    lo = Math.max(s.min, v * 0.5);
    hi = Math.min(s.max, v * 1.5);
  } else {
    const parts = raw.slice(eq + 1).split(':');
    if (parts.length !== 3) throw new BatchInputError(`${flag} expects name=lo:hi:steps or a bare name, got '${raw}'`);
    lo = inRange(flag, id, number(flag, parts[0]!));
    hi = inRange(flag, id, number(flag, parts[1]!));
    steps = number(flag, parts[2]!);
    if (!Number.isInteger(steps) || steps < 2 || steps > 50)
      throw new BatchInputError(`${flag}: steps must be a whole number from 2 to 50, got ${parts[2]}`);
    if (!(hi > lo)) throw new BatchInputError(`${flag}: the range must have lo < hi, got ${lo}:${hi}`);
  }
  if (!(hi > lo)) throw new BatchInputError(`${flag}: ${id} is ${base[id] ?? s.value}, so ±50 % gives no range; give name=lo:hi:steps`);
  const values = Array.from({ length: steps }, (_, i) => Number((lo + ((hi - lo) * i) / (steps - 1)).toPrecision(12)));
  return { id, values };
}

/**
 * Parameter overrides as "name=value" pairs, as every summary prints them: in the order given, or sorted
 * by name where two sets are compared as text (a class's saves, a CSV column).
 */
export function paramsText(params: Readonly<Record<string, number>>, separator = ' ', sorted = false): string {
  const keys = Object.keys(params);
  return (sorted ? keys.sort() : keys).map((k) => `${k}=${params[k]}`).join(separator);
}

/** The inverse of parseAssignments: the ` --param name=value` flags that give these overrides (a replay line's tail). */
export function paramFlags(params: Readonly<Record<string, number>>): string {
  return Object.entries(params)
    .map(([k, v]) => ` --param ${k}=${v}`)
    .join('');
}
