import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  listScenarioIds,
  loadScenario,
  loadShippedScenarios,
  parseScenario,
  ScenarioError,
  SCENARIO_DIR,
} from '../../src/scenario/loader.ts';
import { scenarioJsonSchemaText } from '../../src/scenario/json-schema.ts';
import { SHIPPED } from '../helpers/fixtures.ts';
import { loadEvidence } from '../../src/model/evidence.ts';
import { BUILTIN_POLICIES, PolicyRegistry } from '../../src/policies/index.ts';
import { brink } from '../helpers/cli.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = readFileSync(`${SCENARIO_DIR}/tower-22.yaml`, 'utf8');

function issuesOf(text: string, file = 'x.yaml') {
  try {
    parseScenario(text, file);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  return [];
}

describe('scenario loader', () => {
  it('loads every shipped scenario, historical ones with what actually happened', () => {
    expect(listScenarioIds()).toEqual([...SHIPPED].sort());
    for (const id of SHIPPED) {
      const s = loadScenario(id);
      expect(s.id).toBe(id);
      expect(s.hash).toMatch(/^[0-9a-f]{16}$/);
      if (s.historical) expect(s.actual?.summary.length).toBeGreaterThan(20);
    }
    expect(loadScenario('october-2023').injects.map((i) => i.kind)).toContain('truce');
    expect(loadScenario('rafah').injects.map((i) => i.kind)).toContain('rafah-window');
  });

  it('a scenario that opens with the Houthi campaign under way opens with shipping disrupted (the index averages past weeks)', () => {
    for (const id of SHIPPED) {
      const s = loadScenario(id);
      const underWay = (s.actors.us?.context as { redSeaOps?: boolean } | undefined)?.redSeaOps === true;
      expect(s.world.shippingDisruption > 0, id).toBe(underWay);
    }
  });

  it('the hash follows the content, not the formatting', () => {
    const a = parseScenario(base, 'a.yaml');
    const b = parseScenario(`# a comment\n${base.replace('turns: 4', 'turns:   4')}`, 'b.yaml');
    const c = parseScenario(base.replace('turns: 4', 'turns: 5'), 'c.yaml');
    expect(b.hash).toBe(a.hash);
    expect(c.hash).not.toBe(a.hash);
  });

  it('locates a wrong value at its line and column, with the field path', () => {
    const text = base.replace('turns: 4', 'turns: -3');
    const line = text.split('\n').findIndex((l) => l.startsWith('turns:')) + 1;
    const [issue] = issuesOf(text, 'bad.yaml');
    expect(issue).toMatchObject({ file: 'bad.yaml', line, col: 8, path: 'turns' });
    expect(formatIssue(issue!)).toMatch(new RegExp(`^bad\\.yaml:${line}:8 turns: `));
  });

  it('locates an unknown key on the key itself', () => {
    const text = base.replace('daysPerTurn: 7', 'daysPerTurn: 7\ndaysPerTurm: 8');
    const line = text.split('\n').findIndex((l) => l.startsWith('daysPerTurm')) + 1;
    const issues = issuesOf(text);
    expect(issues.some((i) => i.line === line && i.col === 1 && i.path === 'daysPerTurm')).toBe(true);
  });

  it("words what the schema refused: an unknown key with the key it is nearest to, a bound as 'must be at most'", () => {
    const typo = issuesOf(base.replace('daysPerTurn: 7', 'daysPerTrun: 7'));
    expect(typo.find((i) => i.path === 'daysPerTrun')?.message).toBe("unknown key 'daysPerTrun'; did you mean 'daysPerTurn'?");
    // Nested too: the keys of the object where it stands.
    const nested = issuesOf(base.replace('  rung: 6', '  rugn: 6'));
    expect(nested.find((i) => i.path === 'world.rugn')?.message).toBe("unknown key 'rugn'; did you mean 'rung'?");
    expect(issuesOf(base.replace('  deterrence: 0.05', '  deterrence: 1.5')).map(formatIssue)).toEqual([
      expect.stringMatching(/^x\.yaml:\d+:15 world\.deterrence: must be at most 1$/),
    ]);
    expect(issuesOf(base.replace('  deterrence: 0.05', '  deterrence: -1'))[0]?.message).toBe('must be at least 0');
    expect(issuesOf(base.replace('  deterrence: 0.05', '  deterrence: high'))[0]?.message).toBe('must be a number');
  });

  it('names unknown parameters, postures and context fields', () => {
    const text = base
      .replace('world:\n', 'params:\n  militiaAttackRat: 2\n  fatalityPerAttack: 3\nworld:\n')
      .replace('state: braking', 'state: furious');
    const messages = issuesOf(text).map(formatIssue).join('\n');
    expect(messages).toMatch(/params\.militiaAttackRat: unknown parameter/);
    expect(messages).toMatch(/params\.fatalityPerAttack: must be between 0 and 1/);
    expect(messages).toMatch(/actors\.iran\.state: 'furious' is not a posture of iran/);
  });

  it('reports YAML syntax errors with a location', () => {
    const [issue] = issuesOf('schema: brink.scenario/1\nid: [unclosed\n', 'syntax.yaml');
    expect(issue!.file).toBe('syntax.yaml');
    expect(issue!.line).toBeGreaterThanOrEqual(2);
    expect(issue!.message).toMatch(/^YAML:/);
  });

  it('checks injects fall inside the scenario and run forwards', () => {
    const text = readFileSync(`${SCENARIO_DIR}/october-2023.yaml`, 'utf8').replace('to: "2023-11-30"', 'to: "2023-11-01"');
    expect(issuesOf(text).map(formatIssue).join('\n')).toMatch(/injects\[0\]\.to: ends before it begins/);
  });

  it("reads the opening week's deaths, and refuses more than world.usKilledBefore counts, at the field", () => {
    expect(parseScenario(base, 't.yaml').opening).toMatchObject({ usKilled: 3, cites: ['T-09', 'F-06'] });
    expect(loadScenario('october-2023').opening).toBeUndefined();
    const text = base.replace('  usKilled: 3', '  usKilled: 4');
    const line = text.split('\n').indexOf('  usKilled: 4') + 1;
    const issues = issuesOf(text, 'opening.yaml');
    expect(issues.map(formatIssue).join('\n')).toMatch(
      /opening\.usKilled: the opening week's 4 US deaths exceed world\.usKilledBefore \(3\)/,
    );
    expect(issues.find((i) => i.path === 'opening.usKilled')?.line).toBe(line);
  });

  it('fuzzed scenario files either load or give located errors, never a crash', () => {
    const lines = base.split('\n');
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('dup' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.string({ maxLength: 30 }) }),
      fc.record({
        kind: fc.constant('chars' as const),
        at: fc.nat(),
        text: fc.constantFrom(':', '- ', '[', '{', '"', '&a', '*a', '\t', '!!int ', '~', '0x', '-1e9'),
      }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (muts) => {
        const l = [...lines];
        for (const m of muts) {
          const i = m.at % l.length;
          if (m.kind === 'delete') l.splice(i, 1);
          else if (m.kind === 'dup') l.splice(i, 0, l[i]!);
          else if (m.kind === 'replace') l[i] = m.text;
          else l[i] = `${l[i]!.slice(0, 6)}${m.text}${l[i]!.slice(6)}`;
        }
        const text = l.join('\n');
        try {
          const s = parseScenario(text, 'fuzz.yaml');
          expect(s.turns).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(ScenarioError);
          for (const issue of (e as ScenarioError).issues) {
            expect(issue.file).toBe('fuzz.yaml');
            expect(issue.line).toBeGreaterThanOrEqual(1);
            expect(issue.col).toBeGreaterThanOrEqual(1);
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('fuzzed arbitrary text never crashes the loader', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseScenario(text, 'any.yaml');
        } catch (e) {
          expect(e).toBeInstanceOf(ScenarioError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('offers the shipped scenarios as a reader meets them: the record by start date, then the what-ifs', () => {
    const shipped = loadShippedScenarios();
    expect(shipped.map((s) => s.id)).toEqual(['october-2023', 'red-sea', 'tower-22', 'rafah']);
    const firstWhatIf = shipped.findIndex((s) => !s.historical);
    expect(shipped.slice(firstWhatIf).every((s) => !s.historical)).toBe(true);
    for (let i = 1; i < shipped.length; i++)
      if (shipped[i]!.historical === shipped[i - 1]!.historical) expect(shipped[i]!.start >= shipped[i - 1]!.start).toBe(true);
  });

  it('an unknown scenario ID lists the shipped ones', () => {
    expect(() => loadScenario('no-such')).toThrow(/shipped scenarios: october-2023, rafah, red-sea, tower-22/);
  });

  it('a cited ID must be one brink explain knows: an unknown one is located at the cite, with its path', () => {
    const text = base.replace('cites: [T-09, F-06] }', 'cites: [T-99, F-06] }');
    const line = text.split('\n').findIndex((l) => l.includes('[T-99, F-06]')) + 1;
    const col = text.split('\n')[line - 1]!.indexOf('T-99') + 1;
    expect(issuesOf(text, 'bad8.yaml').map(formatIssue)).toEqual([
      `bad8.yaml:${line}:${col} actual.events[0].cites[0]: unknown ID 'T-99': not in seeds/facts.yaml (brink explain --list shows every ID)`,
    ]);
  });

  it('every cite of the right shape is accepted exactly when the evidence has it (the opening, an event)', () => {
    const known = [...loadEvidence().facts.keys()];
    const shaped = fc.stringMatching(/^[A-Z]{1,2}(-[A-Z]{3})?-\d{2}$/);
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...known), shaped), fc.constantFrom('opening', 'event'), (id, where) => {
        const text =
          where === 'opening'
            ? base.replace('  cites: [T-09, F-06]\n', `  cites: [${id}]\n`)
            : base.replace('cites: [T-13, F-09]', `cites: [${id}]`);
        expect(text).not.toBe(base);
        const issues = issuesOf(text);
        if (loadEvidence().facts.has(id)) expect(issues).toEqual([]);
        else {
          expect(issues).toHaveLength(1);
          expect(issues[0]!.path).toBe(where === 'opening' ? 'opening.cites[0]' : 'actual.events[2].cites[0]');
          expect(issues[0]!.message).toContain(`unknown ID '${id}'`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('defaults name bots of the registry passed in (scenario/ cannot import policies/): an unknown one is located at the field', () => {
    const text = base.replace('usPolicy: historical', 'usPolicy: wizard');
    const line = text.split('\n').indexOf('  usPolicy: wizard') + 1;
    const issues = (() => {
      try {
        parseScenario(text, 'wiz.yaml', { policies: BUILTIN_POLICIES });
      } catch (e) {
        return (e as ScenarioError).issues;
      }
      return [];
    })();
    expect(issues.map(formatIssue)).toEqual([
      `wiz.yaml:${line}:13 defaults.usPolicy: unknown bot 'wizard'; expected one of ${BUILTIN_POLICIES.ids().join(', ')}, or always:<force>+<signal>`,
    ]);
    // A fixed order is a bot too; and without a registry, the loader alone cannot tell.
    expect(
      parseScenario(base.replace('usPolicy: historical', 'usPolicy: always:us.hold+us.none'), 'a.yaml', { policies: BUILTIN_POLICIES })
        .defaults.usPolicy,
    ).toBe('always:us.hold+us.none');
    expect(parseScenario(text, 'wiz.yaml').defaults.usPolicy).toBe('wizard');
    // An order of the other side is refused at the field, registry or not: it could never be played there.
    const crossed = base.replace('usPolicy: historical', 'usPolicy: always:iran.rein-in');
    for (const options of [{ policies: BUILTIN_POLICIES }, {}])
      expect(() => parseScenario(crossed, 'x.yaml', options)).toThrow(
        new RegExp(
          `x\\.yaml:${crossed.split('\n').indexOf('  usPolicy: always:iran.rein-in') + 1}:13 defaults\\.usPolicy: 'always:iran\\.rein-in' is an Iranian order; usPolicy needs a US one`,
        ),
      );
    // A registry that lacks a shipped scenario's bot (test/io/shipped-yaml.test.ts: read from the build's copy too).
    const shipped = `${SCENARIO_DIR}/tower-22.yaml`;
    const none = new PolicyRegistry([]);
    expect(() => parseScenario(base, shipped, { policies: none })).toThrow(
      new RegExp(
        `tower-22\\.yaml:${base.split('\n').indexOf('  usPolicy: historical') + 1}:13 defaults\\.usPolicy: unknown bot 'historical'`,
      ),
    );
  });

  it('every shipped scenario names known bots and cites known IDs', () => {
    for (const id of SHIPPED) expect(() => loadScenario(id, { policies: BUILTIN_POLICIES })).not.toThrow();
  });

  it('brink scenarios validate and brink run refuse an unknown cite or bot: located, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-'));
    const bad8 = join(dir, 'bad8.yaml');
    const wiz = join(dir, 'wiz.yaml');
    writeFileSync(bad8, base.replace('cites: [T-09, F-06] }', 'cites: [T-99, F-06] }'));
    writeFileSync(wiz, base.replace('usPolicy: historical', 'usPolicy: wizard'));
    const v = brink(['scenarios', 'validate', bad8, wiz]);
    expect(v.code).toBe(2);
    expect(v.stdout).toBe('');
    expect(v.stderr).toMatch(
      new RegExp(`^${bad8.replace(/[.\\/]/g, '\\$&')}:\\d+:\\d+ actual\\.events\\[0\\]\\.cites\\[0\\]: unknown ID 'T-99'`, 'm'),
    );
    expect(v.stderr).toMatch(/wiz\.yaml:\d+:13 defaults\.usPolicy: unknown bot 'wizard'/);
    const r = brink(['run', '--scenario', wiz]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // As every user error reads: brink: where: what.
    expect(r.stderr).toMatch(/^brink: .*wiz\.yaml:\d+:13 defaults\.usPolicy: unknown bot 'wizard'/);
  });

  it('brink scenarios show says whether the historical US strikes the Houthis, and october-2023 says why it does not', () => {
    const october = brink(['scenarios', 'show', 'october-2023']);
    expect(october.stdout).toContain(
      'US Red Sea operations: off. The historical US bot never strikes the Houthis (actors.us.context.redSeaOps); a player as the US still can (us.strike-houthis). docs/scenarios.md says why.',
    );
    expect(brink(['scenarios', 'show', 'red-sea']).stdout).toContain('US Red Sea operations: on.');
    // The why, where an analyst reading the file or the docs meets it: no start date in the documents.
    expect(readFileSync(`${SCENARIO_DIR}/october-2023.yaml`, 'utf8')).toMatch(/give no start date or count for them/);
    expect(readFileSync(`${SCENARIO_DIR}/../docs/scenarios.md`, 'utf8')).toMatch(/October-2023 has no US strikes on the Houthis\./);
  });

  it('the committed JSON Schema matches the zod schema it is generated from', () => {
    expect(readFileSync(`${SCENARIO_DIR}/scenario.schema.json`, 'utf8')).toBe(scenarioJsonSchemaText());
  });
});
