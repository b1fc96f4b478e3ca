/**
 * Which single games the report tells in full: the median game and a notable one. A batch keeps only
 * aggregates, so the games are found again by replaying them from their seeds (game i of a batch with
 * seed S is the game of seed "S:i", whatever the workers did), scanning in index order and stopping as
 * soon as the choice is settled:
 * - the median game: the first game whose US score equals the batch's median US score (the median is
 *   a nearest-rank percentile, so some game has exactly it; the scan stops there);
 * - the notable game: the first that ended in regional war or, if none did, the first with a US death.
 * The batch's own counts say whether such a game exists, so the scan never runs for nothing.
 *
 * A batch run with --uncertainty drew each game's parameters (`brink:S:i:params`): its games are
 * replayed with those draws, from the same distribution, or not told at all. Replayed at the point
 * values they would be other games, whose "median" and "first war" say nothing about this batch.
 */
import type { BatchJson } from '../batch/contract.ts';
import { playRecord, type GameRecord } from '../batch/record.ts';
import { gameSeed } from '../batch/seeds.ts';
import { buildDebrief, type Debrief } from '../analysis/debrief/debrief.ts';
import { scoreText } from '../analysis/render.ts';
import { getPolicy, offRecordSides } from '../policies/index.ts';
import { playGame } from '../policies/play.ts';
import type { Scenario } from '../scenario/schema.ts';
import { distributionHash, drawnParams, drawParams, type ParamDistribution } from '../analysis/uncertainty/distribution.ts';

export interface ChosenGame {
  readonly index: number;
  readonly seed: string;
  readonly why: string;
  /** The parameters it played with beyond the scenario's: the batch's --param, or its draws under --uncertainty. */
  readonly params: Readonly<Record<string, number>>;
  /** How many of `params` were drawn on their own (0 for a batch at point values); the remainders that follow from them are not counted. */
  readonly drawn: number;
  readonly debrief: Debrief;
}

export interface Stories {
  readonly median?: ChosenGame;
  readonly notable?: ChosenGame;
  /** Why a story is missing (no such game, or the games cannot be replayed here). */
  readonly notes: readonly string[];
}

const sameTenth = (a: number, b: number) => Math.round(a * 10) === Math.round(b * 10);

/**
 * `dist`: what the batch drew its parameters from, when it did (--uncertainty prior|posterior); it must
 * be the distribution the batch records (same hash), else the games cannot be found again.
 */
export function chooseStories(batch: BatchJson, scenario: Scenario, dist?: ParamDistribution): Stories {
  const mode = batch.uncertainty.mode;
  if (mode !== 'none' && (!dist || distributionHash(dist) !== batch.uncertainty.distribution)) {
    return {
      notes: [
        `The single games cannot be replayed here: each drew its parameters from ${batch.uncertainty.distribution}, which is not at hand${mode === 'posterior' ? ' (give its file with --posterior)' : ''}.`,
      ],
    };
  }
  const paramsOf = (i: number): Record<string, number> =>
    mode !== 'none' && dist ? drawParams(dist, batch.seed, i, batch.params) : { ...batch.params };
  // The same for every game: the parameters the distribution draws on their own (a remainder, shareSyria,
  // follows from them), less those the batch pinned with --param.
  const drawn = dist && dist.kind !== 'none' ? drawnParams(dist.priors).filter((k) => !Object.hasOwn(batch.params, k)).length : 0;
  let us;
  let iran;
  try {
    us = getPolicy(batch.policies.us, 'us');
    iran = getPolicy(batch.policies.iran, 'iran');
  } catch (err) {
    return { notes: [`The single games cannot be replayed here (${(err as Error).message}).`] };
  }
  const median = batch.metrics.scoreUS.p50;
  const war = batch.outcomes.regionalWar.count > 0;
  const death = batch.outcomes.usFatality.count > 0;
  const isNotable = (r: GameRecord) => (war ? r.verdict === 'regional-war' : death && r.metrics.usKilled > 0);
  let medianRecord: GameRecord | undefined;
  let notableRecord: GameRecord | undefined;
  for (let i = 0; i < batch.runs && (!medianRecord || (!notableRecord && (war || death))); i++) {
    const r = playRecord(scenario, { us, iran, params: paramsOf(i) }, i, gameSeed(batch.seed, i));
    if (!medianRecord && sameTenth(r.scores.us, median)) medianRecord = r;
    if (!notableRecord && isNotable(r)) notableRecord = r;
  }
  const tell = (r: GameRecord, why: string): ChosenGame => {
    const params = paramsOf(r.index);
    const state = playGame(scenario, { seed: r.seed, us, iran, ...(Object.keys(params).length > 0 ? { params } : {}) });
    const debrief = buildDebrief(state, scenario, { offRecord: offRecordSides(batch.policies) });
    return { index: r.index, seed: r.seed, why, params, drawn, debrief };
  };
  const notes: string[] = [];
  const n = batch.runs;
  const out: { median?: ChosenGame; notable?: ChosenGame } = {};
  if (medianRecord) {
    out.median = tell(
      medianRecord,
      `Its US score, ${scoreText(medianRecord.scores.us)}, is the median of the ${n} games: half did better for the US, half worse.`,
    );
  } else {
    notes.push('No game of this batch has the median score (the batch file does not match these games).');
  }
  if (notableRecord) {
    const count = war ? batch.outcomes.regionalWar.count : batch.outcomes.usFatality.count;
    out.notable = tell(
      notableRecord,
      war
        ? `The first game of the batch that ended in regional war (${count} of the ${n} did).`
        : `No game ended in regional war; this is the first in which an attack killed US troops (${count} of the ${n} games had US deaths).`,
    );
  } else if (!war && !death) {
    notes.push(`None of the ${n} games ended in regional war or had a US death, so there is no notable game to tell.`);
  }
  return { ...out, notes };
}
