/**
 * The build's JSON copies of the shipped YAML (src/io/shipped-yaml.ts): the compiled CLI reads the same
 * scenarios, evidence and record table as the YAML gives, never a copy of other text, and nothing for a
 * user's file. The copies live in dist/, so these tests use dist's modules (kept current by the test
 * set-up) beside the sources', which never see a copy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.ts';
import * as srcScenario from '../../src/scenario/loader.ts';
import * as srcEvidence from '../../src/model/evidence.ts';
import * as srcRecord from '../../src/analysis/record/table.ts';

type Dist = {
  copies: typeof import('../../src/io/shipped-yaml.ts');
  scenario: typeof srcScenario;
  evidence: typeof srcEvidence;
  record: typeof srcRecord;
};
const dist: Dist = {
  copies: await import(join(ROOT, 'dist/io/shipped-yaml.js')),
  scenario: await import(join(ROOT, 'dist/scenario/loader.js')),
  evidence: await import(join(ROOT, 'dist/model/evidence.js')),
  record: await import(join(ROOT, 'dist/analysis/record/table.js')),
};

const shipped = ['scenarios', 'seeds'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(ROOT, dir, f)),
);

describe('the build’s copies of the shipped YAML', () => {
  it('exist for every shipped YAML file and hold exactly what the YAML parses to', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(7);
    for (const file of shipped) {
      const text = readFileSync(file, 'utf8');
      expect(dist.copies.compiledCopy(file, text), file).toEqual(parse(text));
    }
  });

  it('are never taken for text other than the one they were made from', () => {
    const file = join(ROOT, 'scenarios/tower-22.yaml');
    const text = readFileSync(file, 'utf8');
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.string({ minLength: 1, maxLength: 3 }), (at, insert) => {
        const edited = text.slice(0, at) + insert + text.slice(at);
        expect(dist.copies.compiledCopy(file, edited)).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('are never taken for a file outside the shipped folders, even with a shipped file’s text', () => {
    const text = readFileSync(join(ROOT, 'scenarios/tower-22.yaml'), 'utf8');
    for (const elsewhere of ['/tmp/tower-22.yaml', join(ROOT, 'test/tower-22.yaml'), join(ROOT, 'tower-22.yaml')])
      expect(dist.copies.compiledCopy(elsewhere, text), elsewhere).toBeUndefined();
  });

  it('give the compiled CLI the same scenarios, evidence and record table as the YAML gives the sources', () => {
    for (const id of srcScenario.listScenarioIds()) expect(dist.scenario.loadScenario(id), id).toEqual(srcScenario.loadScenario(id));
    const [a, b] = [dist.evidence.loadEvidence(), srcEvidence.loadEvidence()];
    expect([...a.facts.entries()]).toEqual([...b.facts.entries()]);
    expect(a.sources).toEqual(b.sources);
    expect(dist.record.loadRecord()).toEqual(srcRecord.loadRecord());
  });

  it('still let an invalid file be reported at its line and column', () => {
    // A shipped scenario's text with one field made invalid: no copy matches, so the YAML path locates it.
    const file = join(ROOT, 'scenarios/tower-22.yaml');
    const text = readFileSync(file, 'utf8').replace(/^turns: \d+/m, 'turns: -1');
    expect(text).toContain('turns: -1');
    expect(() => dist.scenario.parseScenario(text, file)).toThrow(/tower-22\.yaml:\d+:\d+ turns/);
  });

  it("locate a bot the registry passed in does not know, though the copy spared the file's YAML parse", () => {
    const file = join(ROOT, 'scenarios/tower-22.yaml');
    const text = readFileSync(file, 'utf8');
    expect(dist.copies.compiledCopy(file, text)).toBeDefined();
    const line = text.split('\n').indexOf('  usPolicy: historical') + 1;
    const onlyHawk = { has: (id: string) => id === 'hawk', ids: () => ['hawk'] };
    expect(() => dist.scenario.parseScenario(text, file, { policies: onlyHawk })).toThrow(
      new RegExp(`tower-22\\.yaml:${line}:13 defaults\\.usPolicy: unknown bot 'historical'; expected one of hawk`),
    );
  });
});
