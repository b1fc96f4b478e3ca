/**
 * Phase: the end of the week. The pressures move (deterrence decays, criticism at home and Tehran's
 * fear of war follow the deaths, the axis's gains accrue, shipping disruption follows the Houthi tempo),
 * the week's attacks go on the log, and every actor hears the week's tally.
 */
import { clamp01 } from '../../model/math.ts';
import { broadcast, emit, type TurnDraft } from './draft.ts';

export function endWeek(d: TurnDraft): void {
  const p = d.params;
  const w = d.world;
  const t = d.tally;
  const weeks = d.weeks;
  w.deterrence = clamp01(w.deterrence * 0.5 ** (weeks / p.deterrenceHalfLife));
  w.usDomesticPressure = clamp01(
    w.usDomesticPressure * (1 - p.usDomesticDecay * weeks) + t.usKilled * p.usDomesticPerDeath + p.usDomesticPerWeek * weeks,
  );
  w.iranWarFear = clamp01(w.iranWarFear * (1 - p.iranWarFearDecay * weeks) + t.usKilled * p.iranWarFearPerDeath);
  w.axisGains = clamp01(w.axisGains + p.axisGainsPerWeek * weeks);
  w.shippingDisruption = clamp01(
    (1 - p.shippingSmoothing) * w.shippingDisruption + p.shippingSmoothing * Math.min(1, t.houthiAttacks / (p.shippingFullScale * weeks)),
  );
  const day = d.endDay - 1;
  if (t.attacksOnUS + t.houthiAttacks + t.hezbollahFireDays > 0) {
    emit(d, {
      kind: 'attacks',
      turn: d.turn,
      day,
      actor: 'world',
      visibility: 'public',
      weight: 1,
      rules: ['R-MIL-01', 'R-HOU-02', 'R-HZB-01'],
      onUS: { iraq: t.attacksOnUSIraq, jordan: t.attacksOnUSJordan, syria: t.attacksOnUSSyria },
      shipping: t.houthiAttacks,
      borderFireDays: t.hezbollahFireDays,
    });
  }
  broadcast(
    d,
    {
      type: 'WEEK_END',
      attacksOnUS: t.attacksOnUS,
      attacksIraq: t.attacksOnUSIraq,
      houthiAttacks: t.houthiAttacks,
      usKilled: t.usKilled,
      weeks,
    },
    day,
  );
}
