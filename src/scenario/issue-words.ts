/**
 * What a schema refused, in words, for the files a user writes or keeps (scenario YAML, save files):
 * "must be at most 1" rather than the validator's "Too big: expected number to be <=1", and an unknown
 * key with the known key it is nearest to ("did you mean 'daysPerTurn'?"). Messages a schema states
 * itself (its refinements) are kept as written. Near misses serve `brink explain` and `--param` too.
 */
import type { z } from 'zod';

/** Edit distance between two names, ignoring case. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const dp = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (x[i - 1] === y[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[y.length]!;
}

/**
 * The candidates a mistyped name is likely to be, nearest first: those within a few edits (a third of
 * its length, at least two), then those that contain it.
 */
export function nearMisses(name: string, candidates: readonly string[], max = 5): string[] {
  const low = name.toLowerCase();
  const contains = candidates.filter((x) => low.length >= 3 && x.toLowerCase().includes(low));
  const near = candidates
    .map((x) => ({ x, d: editDistance(name, x) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(name.length / 3)))
    .sort((a, b) => a.d - b.d)
    .map(({ x }) => x);
  return [...new Set([...near, ...contains])].slice(0, max);
}

type Schema = z.core.$ZodType;
type Def = { type: string; [k: string]: unknown };
const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under wrappers (optional, default, a pipe's input, …). */
function unwrap(s: Schema): Schema {
  for (let i = 0; i < 20; i++) {
    const d = defOf(s);
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) s = d.innerType as Schema;
    else if (d.type === 'pipe') s = d.in as Schema;
    else if (d.type === 'lazy') s = (d.getter as () => Schema)();
    else return s;
  }
  return s;
}

/** The schemas a value at `path` may be checked by (several under a union). */
function schemasAt(schema: Schema, path: readonly PropertyKey[]): Schema[] {
  let at = [unwrap(schema)];
  for (const key of path) {
    const next: Schema[] = [];
    for (const s of at.flatMap((x) => (defOf(x).type === 'union' ? (defOf(x).options as Schema[]).map(unwrap) : [x]))) {
      const d = defOf(s);
      if (d.type === 'object') {
        const child = (d.shape as Record<string, Schema>)[String(key)];
        if (child) next.push(unwrap(child));
      } else if (d.type === 'array') next.push(unwrap(d.element as Schema));
      else if (d.type === 'record') next.push(unwrap(d.valueType as Schema));
      else if (d.type === 'tuple' && typeof key === 'number') {
        const item = (d.items as Schema[])[key];
        if (item) next.push(unwrap(item));
      }
    }
    at = next;
  }
  return at.flatMap((x) => (defOf(x).type === 'union' ? (defOf(x).options as Schema[]).map(unwrap) : [x]));
}

/** The keys an object at `path` may have, by the schema. */
export function knownKeys(schema: Schema, path: readonly PropertyKey[]): string[] {
  return [
    ...new Set(
      schemasAt(schema, path)
        .filter((s) => defOf(s).type === 'object')
        .flatMap((s) => Object.keys(defOf(s).shape as object)),
    ),
  ];
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping (key: value pairs)',
  array: 'a list',
};

/**
 * The issues worth reporting: of two bounds refused at one place, the tighter one (a whole number is
 * checked against the largest safe integer and against the field's own maximum; the second is the one to fix).
 */
export function tightestIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const at = (i: z.core.$ZodIssue) => i.path.map(String).join('\u0000');
  return issues.filter(
    (i) =>
      !issues.some(
        (o) =>
          o !== i &&
          o.code === i.code &&
          at(o) === at(i) &&
          ((i.code === 'too_big' && o.code === 'too_big' && Number(o.maximum) < Number(i.maximum)) ||
            (i.code === 'too_small' && o.code === 'too_small' && Number(o.minimum) > Number(i.minimum))),
      ),
  );
}

/** One schema issue in words; `schema` finds the keys an unknown key could have meant. */
export function issueInWords(issue: z.core.$ZodIssue, schema: Schema): string {
  switch (issue.code) {
    case 'too_big': {
      const bound = String(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${bound} items`;
      if (issue.origin === 'string') return `must be at most ${bound} characters long`;
      return issue.inclusive === false ? `must be less than ${bound}` : `must be at most ${bound}`;
    }
    case 'too_small': {
      const bound = String(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at least ${bound} item${bound === '1' ? '' : 's'}`;
      if (issue.origin === 'string') return bound === '1' ? 'must not be empty' : `must be at least ${bound} characters long`;
      return issue.inclusive === false ? `must be more than ${bound}` : `must be at least ${bound}`;
    }
    case 'unrecognized_keys': {
      const known = knownKeys(schema, issue.path);
      return issue.keys
        .map((k) => {
          const near = nearMisses(k, known, 3);
          return `unknown key '${k}'${near.length > 0 ? `; did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : known.length > 0 ? `; expected one of ${known.join(', ')}` : ''}`;
        })
        .join('; ');
    }
    case 'invalid_type': {
      const want = TYPE_WORDS[issue.expected] ?? issue.expected;
      // The validator's message ends "received undefined" when the key is absent.
      return /received undefined$/.test(issue.message) ? `missing: must be ${want}` : `must be ${want}`;
    }
    default:
      return issue.message;
  }
}
