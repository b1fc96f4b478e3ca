import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/loader.ts';
import { loadScenario } from '../../src/scenario/loader.ts';

const file = resolve(import.meta.dirname, '../../docs/examples/swift-retaliation.yaml');

describe('the worked what-if in docs/scenarios.md', () => {
  it('is a valid scenario that differs from october-2023 only where the docs say', () => {
    const s = parseScenario(readFileSync(file, 'utf8'), file);
    const base = loadScenario('october-2023');
    expect(s.id).toBe('swift-retaliation');
    expect(s.historical).toBe(false);
    expect(s.actual).toBeUndefined();
    expect(s.params).toEqual({ usStrikeThreshold: 6 });
    expect(s.start).toBe(base.start);
    expect(s.turns).toBe(base.turns);
    expect(s.injects).toEqual(base.injects);
  });

  it('is quoted in docs/scenarios.md as it is in the file', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../docs/scenarios.md'), 'utf8');
    expect(doc).toContain('usStrikeThreshold: 6');
    expect(doc).toContain('examples/swift-retaliation.yaml');
  });
});
