/**
 * Which single games the report tells in full: the median game and a notable one. A batch keeps only
 * aggregates, so the games are found again by replaying them from their seeds (game i of a batch with
 * seed S is the game of seed "S:i", whatever the workers did), scanning in index order and stopping as
 * soon as the choice is settled:
 * - the median game: the first game whose US score equals the batch's median US score (the median is
 *   a nearest-rank percentile, so some game has exactly it; the scan stops there);
 * - the notable game: the first that ended in regional war or, if none did, the first with a US death.
 * The batch's own counts say whether such a game exists, so the scan never runs for nothing.
 */
import type { BatchJson } from '../batch/contract.ts';
import { playRecord, type GameRecord } from '../batch/record.ts';
import { gameSeed } from '../batch/seeds.ts';
import { buildDebrief, type Debrief } from '../analysis/debrief/debrief.ts';
import { getPolicy } from '../policies/index.ts';
import { playGame } from '../policies/play.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface ChosenGame {
  readonly index: number;
  readonly seed: string;
  readonly why: string;
  readonly debrief: Debrief;
}

export interface Stories {
  readonly median?: ChosenGame;
  readonly notable?: ChosenGame;
  /** Why a story is missing (no such game, or the games cannot be replayed here). */
  readonly notes: readonly string[];
}

const sameTenth = (a: number, b: number) => Math.round(a * 10) === Math.round(b * 10);

export function chooseStories(batch: BatchJson, scenario: Scenario): Stories {
  let us;
  let iran;
  try {
    us = getPolicy(batch.policies.us, 'us');
    iran = getPolicy(batch.policies.iran, 'iran');
  } catch (err) {
    return { notes: [`The single games cannot be replayed here (${(err as Error).message}).`] };
  }
  const arm = { us, iran, params: batch.params };
  const median = batch.metrics.scoreUS.p50;
  const war = batch.outcomes.regionalWar.count > 0;
  const death = batch.outcomes.usFatality.count > 0;
  const isNotable = (r: GameRecord) => (war ? r.verdict === 'regional-war' : death && r.metrics.usKilled > 0);
  let medianRecord: GameRecord | undefined;
  let notableRecord: GameRecord | undefined;
  for (let i = 0; i < batch.runs && (!medianRecord || (!notableRecord && (war || death))); i++) {
    const r = playRecord(scenario, arm, i, gameSeed(batch.seed, i));
    if (!medianRecord && sameTenth(r.scores.us, median)) medianRecord = r;
    if (!notableRecord && isNotable(r)) notableRecord = r;
  }
  const tell = (r: GameRecord, why: string): ChosenGame => {
    const params = Object.keys(batch.params).length > 0 ? { params: batch.params } : {};
    const state = playGame(scenario, { seed: r.seed, us, iran, ...params });
    return { index: r.index, seed: r.seed, why, debrief: buildDebrief(state, scenario) };
  };
  const notes: string[] = [];
  const n = batch.runs;
  const out: { median?: ChosenGame; notable?: ChosenGame } = {};
  if (medianRecord) {
    out.median = tell(
      medianRecord,
      `Its US score, ${medianRecord.scores.us}, is the median of the ${n} games: half did better for the US, half worse.`,
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
