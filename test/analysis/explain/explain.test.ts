import { describe, expect, it } from 'vitest';
import { capture } from '../../helpers/cli.ts';
import { allIds, assumptions, explain, listAll, suggest, unitOf, UnknownIdError } from '../../../src/analysis/explain/explain.ts';
import { loadPosterior, SHIPPED_POSTERIOR } from '../../../src/analysis/calibration/posterior-file.ts';
import { MIN_POSTERIOR_SETS, pointValuesOutside, shifts } from '../../../src/analysis/calibration/shifts.ts';
import { loadRecord } from '../../../src/analysis/record/table.ts';
import { isDrawn, priorOf } from '../../../src/model/priors.ts';
import { citers, paramUses } from '../../../src/analysis/explain/provenance.ts';
import { ACTIONS } from '../../../src/model/actions.ts';
import { ACTORS, ACTOR_IDS } from '../../../src/model/actors/index.ts';
import fc from 'fast-check';
import { idLabel, kindOfId, loadEvidence } from '../../../src/model/evidence.ts';
import { PARAM_IDS, PARAM_SPECS } from '../../../src/model/params.ts';
import { main } from '../../../src/cli/main.ts';

describe('every parameter, rule, fact, action and posture resolves', () => {
  it('parameters: value, unit, range, and either evidence or an assumption', () => {
    for (const id of PARAM_IDS) {
      const { kind, text } = explain(id);
      expect(kind).toBe('parameter');
      const s = PARAM_SPECS[id];
      expect(text).toContain(`value ${s.value} ${unitOf(s.value, s.unit)} (allowed ${s.min}–${s.max})`);
      for (const f of s.cites) expect(text).toContain(`${f} ${loadEvidence().facts.get(f)!.title}`);
      if (s.assumption) expect(text).toContain(`ASSUMPTION: ${s.assumption}`);
    }
  });

  it('parameters: the prior range and its reason, or why a score weight has none', () => {
    expect(explain('fatalityPerAttack').text).toMatch(
      /uncertainty: beta\(1\.5, 169\.5\) \(90 %: 0\.00\d+–0\.0\d+.*one fatal attack in at least 170/,
    );
    expect(explain('injuryPerAttack').text).toContain('uncertainty: log-uniform 0.0100–0.400');
    expect(explain('directiveLagMinDays').text).toContain('uncertainty: whole numbers uniform 2–4');
    expect(explain('scoreWar').text).toContain('uncertainty: none (a score weight is a preference');
  });

  it('every parameter is used by an action or read by model code', () => {
    const unused = PARAM_IDS.filter((id) => paramUses(id).length === 0);
    expect(unused).toEqual([]);
  });

  it('"used by" names the posture, machine, modifier, phase or action, from data (test/engine/param-reads.test.ts keeps it honest)', () => {
    expect(explain('militiaAttackRate').text).toContain(
      'posture iraqiMilitias.harassing: a factor of the daily rate of attacks on US forces in Iraq and Jordan',
    );
    expect(explain('restrainedLethalityFactor').text).toContain(
      'posture syrianMilitias.scalingBack: multiplies the chance of a death in attacks on US forces in Syria',
    );
    expect(explain('deliberationMinDays').text).toContain('posture iraqiMilitias.resisting: days until its leaders weigh a halt');
    expect(explain('iranAnswersHomelandStrike').text).toContain(
      "posture iran.retaliating: the historical bot's chance of iran.missile-strike",
    );
    expect(explain('usStrikeThreshold').text).toContain('machine us: United States: kept in its memory as strikeThreshold');
    expect(explain('complianceBase').text).toContain(
      'machine iraqiMilitias: Iraqi militias (KH, Nujaba): the chance a deliberation ends in accepting a halt',
    );
    expect(explain('deterrenceUnderPressure').text).toMatch(/activity modifier @deterredOrProvoked: .*; in iraqiMilitias\.harassing/);
    expect(explain('intelAccuracy').text).toContain('engine phase gatherIntel: intelligence (fog of war)');
    expect(explain('scoreWar').text).toContain("scoring: each side's score");
    expect(explain('deterrenceFromCampaign').text).toContain('action us.major-campaign: deterrence of "Large strike campaign"');
    // Nothing is read from source files any more: no use names a file.
    for (const id of PARAM_IDS) for (const u of paramUses(id)) expect(u.where).not.toMatch(/\.ts\b|src\//);
  });

  it('facts and rules: title, text, figures and sources with their outlet', () => {
    for (const f of loadEvidence().facts.values()) {
      const { kind, text } = explain(f.id);
      expect(kind).toBe(f.kind === 'rule' ? 'rule' : 'fact');
      expect(text).toContain(f.title);
      expect(text).toContain(f.text);
      for (const src of f.sources) expect(text).toContain(src);
      // Each citer is named once by its kind: "rung 6: …", never "rung rung 6: …".
      expect(text).not.toMatch(/^ {4}(\w+) \1 /m);
    }
    expect(explain('F-06').text).toMatch(/ {4}rung 6: Lethal targeted action/);
  });

  it('a fact is headed by its kind, and a fact among the citers is labelled by its own kind, never "fact"', () => {
    expect(explain('O-USA-01').text).toMatch(/^Objective O-USA-01: /);
    expect(explain('R-SYS-04').text).toMatch(/^Rule R-SYS-04: /);
    expect(explain('T-09').text).toMatch(/^Event T-09: /);
    expect(explain('D-02').text).toMatch(/^Discrepancy D-02 \(inferred\): /);
    const page = explain('F-01').text; // related to by a rule and by open questions
    expect(page).toMatch(/^ {4}rule R-MIL-01: /m);
    expect(page).toMatch(/^ {4}open question Q-02: /m);
    for (const f of loadEvidence().facts.values()) {
      const text = explain(f.id).text;
      expect(text, f.id).not.toMatch(/^ {4}fact /m);
      for (const c of citers().get(f.id) ?? []) if (c.kind === 'fact') expect(text).toContain(`    ${idLabel(c.id)}: `);
    }
  });

  it("an ID's prefix gives the kind seeds/facts.yaml states; an unknown prefix labels the bare ID", () => {
    for (const f of loadEvidence().facts.values()) expect(kindOfId(f.id), f.id).toBe(f.kind);
    expect(idLabel('R-SYS-04')).toBe('rule R-SYS-04');
    expect(idLabel('TA-01')).toBe('artefact TA-01');
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,3}-\d{2}$/), (id) => {
        const label = idLabel(id);
        expect(label.endsWith(id)).toBe(true);
        expect(label === id).toBe(kindOfId(id) === undefined);
      }),
    );
  });

  it('a source reads outlet and date first, the file it was read from second', () => {
    const source = loadEvidence().sources.find((s) => s.file === '000_b427d66368a55281.txt')!;
    const line = `${source.outlet}, ${source.date}, reliability ${source.reliability}; file ${source.file}`;
    expect(explain('O-USA-01').text).toContain(`\n    ${line}\n`);
    expect(explain('fatalityPerAttack').text).toMatch(/^ {6}source: [^\n]*; file \d{3}_[0-9a-f]+\.txt$/m);
    expect(explain('fatalityPerAttack').text).not.toMatch(/source: \d{3}_/);
  });

  it('actions: rung, description, effects with parameter values, evidence', () => {
    for (const a of ACTIONS) {
      const { text } = explain(a.id);
      expect(text).toContain(`rung ${a.rung}`);
      expect(text).toContain(a.description);
      for (const f of a.cites) expect(text).toContain(f);
    }
    expect(explain('us.major-campaign').text).toMatch(/deterrence: deterrenceFromCampaign = 0\.\d+ deterrence/);
    // Each action names its lever and how it pairs into a turn's order.
    expect(explain('us.major-campaign').text).toContain(
      "lever: force (a turn's order is one force action beside one signal action: us.major-campaign+<signal>)",
    );
    expect(explain('iran.back-talks').text).toContain('lever: signal');
    expect(explain('iran.back-talks').text).toContain('<force>+iran.back-talks');
  });

  it('postures: every actor.state, with its rules and transitions', () => {
    for (const actor of ACTOR_IDS) {
      for (const state of ACTORS[actor].stateIds) {
        const { kind, text } = explain(`${actor}.${state}`);
        expect(kind).toBe('state');
        for (const r of ACTORS[actor].meta(state).rules) expect(text).toContain(r);
      }
    }
  });

  it('every rule ID the machines cite is a fact, and lists the machine among its citers', () => {
    const index = citers();
    for (const actor of ACTOR_IDS) {
      for (const state of ACTORS[actor].stateIds) {
        for (const r of ACTORS[actor].meta(state).rules) {
          expect(loadEvidence().facts.has(r), `${actor}.${state} cites ${r}`).toBe(true);
          expect(index.get(r)!.some((c) => c.kind === 'posture' && c.id === `${actor}.${state}`)).toBe(true);
        }
      }
    }
    expect(explain('R-IRN-01').text).toMatch(/posture iran\.braking/);
    expect(explain('F-01').text).toMatch(/parameter militiaAttackRate/);
    expect(explain('F-01').text).toMatch(/backtest attacks-by-2-feb/);
  });

  it('allIds covers every kind', () => {
    const ids = allIds();
    expect(ids.figure).toEqual(loadRecord().figures.map((f) => f.id));
    expect(ids.parameter.length).toBe(PARAM_IDS.length);
    expect(ids.action.length).toBe(ACTIONS.length);
    expect(ids.rule.length + ids.fact.length).toBe(loadEvidence().facts.size);
  });
});

describe('assumptions', () => {
  it('lists parameters with an assumption, scenario injects with one, and the open questions', () => {
    const list = assumptions();
    const params = PARAM_IDS.filter((id) => 'assumption' in PARAM_SPECS[id]);
    expect(list.filter((a) => a.kind === 'parameter').map((a) => a.id)).toEqual(params);
    expect(list.some((a) => a.kind === 'inject' && a.id === 'october-2023:november-pause')).toBe(true);
    const questions = [...loadEvidence().facts.values()].filter((f) => f.kind === 'question').map((f) => f.id);
    expect(list.filter((a) => a.kind === 'question').map((a) => a.id)).toEqual(questions);
  });
});

describe('unknown IDs', () => {
  it('suggest near misses', () => {
    expect(suggest('militiaAtackRate')).toContain('militiaAttackRate');
    expect(suggest('R-IRN-1')).toContain('R-IRN-01');
    expect(() => explain('nonsense-id')).toThrow(UnknownIdError);
  });

  it('brink explain exits 2 with suggestions on an unknown ID, 0 on a known one', async () => {
    const bad = capture();
    expect(await main(['explain', 'militiaAtackRate'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toContain('did you mean militiaAttackRate');
    const ok = capture();
    expect(await main(['explain', 'f-06'], ok.io)).toBe(0);
    expect(ok.out.join('\n')).toContain('Jordan: 3 reservists killed');
    const list = capture();
    expect(await main(['explain', '--list'], list.io)).toBe(0);
    for (const id of ['militiaAttackRate', 'R-USA-03', 'us.strike-iran', 'iraqiMilitias.resisting'])
      expect(list.out.join('\n')).toContain(id);
    const none = capture();
    expect(await main(['explain'], none.io)).toBe(2);
  });
});

describe('a unit after its value', () => {
  it('is singular after 1 and plural otherwise, in --list and on the parameter', () => {
    expect(unitOf(1, 'days')).toBe('day');
    expect(unitOf(3, 'days')).toBe('days');
    expect(unitOf(1, 'points/rung')).toBe('point/rung');
    expect(unitOf(1, 'probability')).toBe('probability');
    expect(unitOf(1, 'injured')).toBe('injured');
    const list = listAll();
    expect(list).not.toMatch(/ 1 (days|weeks|strikes|attacks|points|deaths|commanders)\b/);
    const one = PARAM_IDS.filter((id) => PARAM_SPECS[id].value === 1 && PARAM_SPECS[id].unit === 'days');
    expect(one.length).toBeGreaterThan(0);
    for (const id of one) {
      expect(list).toContain(`  ${id}  1 day`);
      expect(explain(id).text).toContain('value 1 day (allowed');
    }
  });
});

describe('a parameter beside its calibrated posterior', () => {
  const file = loadPosterior(SHIPPED_POSTERIOR);
  const posterior = { file, source: 'calibration/posterior.json' };

  it("shows the posterior's median and 90 % range beside the prior's, the numbers calibrate --report prints", () => {
    for (const s of shifts(file)) {
      const text = explain(s.id, { posterior }).text;
      expect(text, s.id).toMatch(
        /^ {2}calibrated posterior \(calibration\/posterior\.json, \d+ weighted parameter sets\): median \S+, 90 % \S+–\S+ \(prior 90 % \S+–\S+\)/m,
      );
    }
    // Without a posterior (the API's explain), no such line.
    expect(explain('militiaAttackRate').text).not.toContain('calibrated posterior');
    // A parameter with no prior (a score weight) has no posterior line.
    expect(isDrawn(priorOf('scoreWar'))).toBe(false);
    expect(explain('scoreWar', { posterior }).text).not.toContain('calibrated posterior');
  });

  it('says plainly when the point value lies outside the posterior 90 % range, and only then', () => {
    const outside = new Set(pointValuesOutside(file).map((p) => p.id));
    expect(outside.size).toBeGreaterThan(0);
    for (const s of shifts(file)) {
      const text = explain(s.id, { posterior }).text;
      const [lo, hi] = s.posterior;
      const v = PARAM_SPECS[s.id].value;
      const out = v < lo || v > hi;
      expect(outside.has(s.id)).toBe(out);
      if (out) {
        expect(text).toMatch(
          new RegExp(
            `the record argues against the point value: \\S+ lies ${v < lo ? 'below' : 'above'} the posterior's 90 % range .*; games and batches play it unless --uncertainty posterior`,
          ),
        );
      } else {
        expect(text).not.toContain('argues against');
        expect(text).toContain('the point value lies inside it');
      }
    }
  });

  it('brink explain <parameter> shows it by default, from --posterior FILE when given, and refuses --posterior without --uncertainty posterior', async () => {
    const c = capture();
    expect(await main(['explain', 'militiaAttackRate'], c.io)).toBe(0);
    const out = c.out.join('\n');
    const s = shifts(file).find((x) => x.id === 'militiaAttackRate')!;
    expect(out).toContain(`median ${s.median.toFixed(2)}, 90 % ${s.posterior[0].toFixed(2)}–${s.posterior[1].toFixed(2)}`);
    const bad = capture();
    expect(await main(['explain', 'militiaAttackRate', '--uncertainty', 'none', '--posterior', SHIPPED_POSTERIOR], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toContain('--posterior needs --uncertainty posterior');
  });

  it(`warns when the posterior holds fewer than ${MIN_POSTERIOR_SETS} parameter sets`, () => {
    const tiny = { ...file, particles: file.particles.slice(0, 3) };
    const text = explain('militiaAttackRate', { posterior: { file: tiny, source: 'tiny.json' } }).text;
    expect(text).toMatch(/Warning: this posterior holds 3 parameter sets, fewer than 100: .*--population 100 or more/);
    expect(explain('militiaAttackRate', { posterior }).text).not.toContain('Warning:');
  });
});

describe('a backtest figure', () => {
  it('every figure ID of the record resolves: what it measures, its record, the facts it rests on', () => {
    for (const f of loadRecord().figures) {
      const { kind, text } = explain(f.id);
      expect(kind).toBe('figure');
      expect(text).toMatch(new RegExp(`^Record figure ${f.id}: `));
      expect(text).toContain(f.label);
      expect(text).toContain(`scenario ${f.scenario}`);
      expect(text).toContain(f.reason);
      for (const fact of f.facts) expect(text).toContain(`    ${fact} ${loadEvidence().facts.get(fact)!.title}`);
    }
  });

  it('brink explain <figure> shows the check brink explain <fact> shows for it: the same lines, judged the same way', async () => {
    const fig = capture();
    expect(await main(['explain', 'attacks-by-2-feb', '--runs', '25'], fig.io)).toBe(0);
    const figOut = fig.out.join('\n');
    const fact = capture();
    expect(await main(['explain', 'F-01', '--runs', '25'], fact.io)).toBe(0);
    const factOut = fact.out.join('\n');
    const check = (text: string) => text.slice(text.indexOf('  against the record'));
    expect(check(figOut)).toMatch(
      /^ {2}against the record \(the backtest's check, conditioned on the record's shocks; the same figures as brink backtest --uncertainty posterior --runs 25\)/,
    );
    expect(check(figOut)).toContain('judged as a floor: it holds when at least 5 % of the games reach it');
    // F-01 is behind attacks-by-2-feb only: its check is the figure's, line for line.
    expect(
      loadRecord()
        .figures.filter((f) => f.facts.includes('F-01'))
        .map((f) => f.id),
    ).toEqual(['attacks-by-2-feb']);
    expect(check(factOut)).toBe(check(figOut));
    // Upper case and a point figure: judged by its band.
    const point = capture();
    expect(await main(['explain', 'IRAQ-AFTER-HALT', '--runs', '20'], point.io)).toBe(0);
    expect(point.out.join('\n')).toMatch(
      /judged as a point: a PASS unless .* a MISS \(outside the 5–95 % band\).* a FAIL \(outside the 1–99 % range\)/,
    );
  });

  it('--list names every figure in its own section; F-01 cites one that resolves', () => {
    const list = listAll();
    const section = list.slice(list.indexOf('Record figures, checked by brink backtest'));
    expect(section).toMatch(/^Record figures, checked by brink backtest \(\d+\):/);
    for (const f of loadRecord().figures) expect(section).toContain(`  ${f.id}  ${f.scenario} · ${f.label} (${f.kind})`);
    const cited = /backtest ([a-z0-9-]+)/.exec(explain('F-01').text)![1]!;
    expect(explain(cited).kind).toBe('figure');
  });
});

describe('warDurationHazard reads as what it adds, not as a multiplier of 0.5', () => {
  it('its unit is not "×", and its reason gives the added risk and the multiplier it makes at the length of the record', () => {
    const s = PARAM_SPECS.warDurationHazard;
    expect(s.unit).not.toBe('×');
    // The engine multiplies the war risk by 1 + value × weeks/19 (engine/phases/ladder.ts): × 1.5 at 19 weeks.
    expect(s.assumption).toContain(`+${s.value}`);
    expect(s.assumption).toContain(`× ${1 + s.value}`);
    const a = assumptions().find((x) => x.id === 'warDurationHazard')!;
    expect(a.what).toMatch(/adds to war risk/);
    expect(a.what).not.toMatch(/= 0\.5 ×$/);
  });
});
