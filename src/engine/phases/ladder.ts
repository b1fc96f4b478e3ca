/**
 * Phase: the ladder. The rung is the highest that anything reached this turn: either side's action, or
 * what the proxies' attacks amounted to. A direct exchange (both sides at the direct-clash rung, this
 * turn or one after the other) becomes regional war with the chance `warFromDirectExchange` (Q-15); the
 * war hazard is a residual shock (R-SYS-06) plus a hazard per rung above lethal action and for strikes on
 * Iran or its forces, growing with the length of the Gaza war (R-SYS-01, R-SYS-08).
 */
import { isDirectExchange, REGIONAL_WAR } from '../../model/ladder.ts';
import { clamp01 } from '../../model/math.ts';
import { daysFrom } from '../dates.ts';
import { broadcast, emit, type TurnDraft } from './draft.ts';

/** The rung above which the war hazard grows per rung (lethal targeted action, model/ladder.ts). */
const HAZARD_FLOOR_RUNG = 6;
/** Weeks of Gaza war at which the duration term equals `warDurationHazard` (the length of the record, F-01). */
const DURATION_SCALE_WEEKS = 19;

export function climbLadder(d: TurnDraft): void {
  const p = d.params;
  const w = d.world;
  const day = d.endDay - 1;
  const prevRung = w.rung;
  let rung = Math.max(d.rungs.us, d.rungs.iran, d.rungs.activity);
  const before = d.base.world.sideRungs;
  const usNow = d.rungs.us;
  const usPrev = before.us[0];
  const iranNow = d.rungs.iran;
  const iranPrev = before.iran[0];
  w.sideRungs = Object.freeze({ us: Object.freeze([usNow, usPrev] as const), iran: Object.freeze([iranNow, iranPrev] as const) });
  const exchange = isDirectExchange({ us: usNow, iran: iranNow }, { us: usPrev, iran: iranPrev });
  // War comes from what the sides did (R-SYS-06, R-SYS-01): the rung reached, strikes on Iran or its
  // forces, and a small residual; a limited direct exchange is war only with a chance. One draw
  // decides both ways in.
  const warWeeks = daysFrom(d.base.scenario.gazaWarStart, d.base.scenario.start) / 7 + (d.turn + 1) * d.weeks;
  const hazard = clamp01(
    (p.warShockBase + p.warHazardPerRung * Math.max(0, rung - HAZARD_FLOOR_RUNG) + d.warActs) *
      (1 + p.warDurationHazard * (warWeeks / DURATION_SCALE_WEEKS)),
  );
  const viaExchange = exchange ? p.warFromDirectExchange : 0;
  const chance = 1 - (1 - viaExchange) * (1 - hazard);
  d.warChance = chance;
  const u = d.streams.world.next();
  if (u < chance) {
    d.war = true;
    const direct = u < viaExchange;
    emit(d, {
      kind: 'war',
      cause: direct ? 'direct-exchange' : 'miscalculation',
      turn: d.turn,
      day,
      actor: 'world',
      from: direct ? prevRung : rung,
      rules: direct ? ['Q-15', 'R-IRN-15', 'R-USA-03', 'O-USA-01', 'O-IRN-02'] : ['R-SYS-06', 'R-SYS-08', 'R-SYS-01'],
      visibility: 'public',
      weight: 100,
      draw: { stream: 'world', u, p: chance },
    });
  }
  if (d.war) {
    rung = REGIONAL_WAR;
    w.regionalWar = true;
    w.axisGains = 0;
    broadcast(d, { type: 'REGIONAL_WAR' }, day);
  } else if (Math.abs(rung - prevRung) >= 2) {
    emit(d, {
      kind: 'ladder',
      turn: d.turn,
      day,
      actor: 'world',
      from: prevRung,
      to: rung,
      rules: [],
      visibility: 'public',
      weight: 6 * Math.abs(rung - prevRung),
    });
  }
  w.rung = rung;
  d.rung = rung;
}
