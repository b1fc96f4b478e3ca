/**
 * The briefing names every source that sent nothing this week, and why (analysis/render.ts
 * unreadIntelLine). The reason is read from what makes that source report (model/intel.ts): a source
 * the US can strike reads "not struck", a source Iran's envoys can reach reads "no envoys there".
 */
import { describe, expect, it } from 'vitest';
import { intelSubject, unreadIntelLine } from '../../src/analysis/render.ts';
import { INTEL_SOURCES, type IntelSource } from '../../src/model/intel.ts';

const named = (sources: readonly IntelSource[]) => sources.map((s) => ({ subject: s.subject }));

describe('the line naming sources with no report', () => {
  it('is absent when every source reported', () => {
    expect(unreadIntelLine('us', named(INTEL_SOURCES.us))).toBeUndefined();
    expect(unreadIntelLine('iran', named(INTEL_SOURCES.iran))).toBeUndefined();
  });

  it('names every unread source once, with a reason built from what makes it report', () => {
    for (const side of ['us', 'iran'] as const) {
      const always = INTEL_SOURCES[side].filter((s) => s.always);
      const line = unreadIntelLine(side, named(always)) ?? '';
      for (const s of INTEL_SOURCES[side].filter((x) => !x.always)) {
        const name = intelSubject(s);
        expect(line.split(name).length - 1, `${side}: ${name} in "${line}"`).toBe(1);
        const reason = line.slice(line.indexOf(name)).split(/[:;]/)[1] ?? '';
        expect(reason.includes('not struck'), `${side} ${name}: ${reason}`).toBe(s.struck.length > 0);
        expect(reason.includes('no envoys'), `${side} ${name}: ${reason}`).toBe(s.envoys !== undefined);
      }
    }
  });

  it('before the first turn says no week has been played, for every unread source', () => {
    const line = unreadIntelLine('us', [], false) ?? '';
    for (const s of INTEL_SOURCES.us) expect(line).toContain(intelSubject(s));
    expect(line).toContain('no week has been played yet');
    expect(line).not.toContain('not struck');
  });
});
