/**
 * The action catalogue: what the US and Iran can do in a turn. Each action carries its rung, a one-line
 * description, the evidence behind it, and its effects as data. Magnitudes are parameter IDs, never
 * numbers, so every effect traces back through params.ts to the facts.
 */
import { isParamId, type ParamId } from './params.ts';

export type Side = 'us' | 'iran';
export const SIDES: readonly Side[] = ['us', 'iran'];

/** The fronts Iran's directive addresses separately (R-IRN-05: a per-front policy vector, not one dial). */
export type Front = 'iraq' | 'syria' | 'lebanon' | 'yemen';
export const FRONTS: readonly Front[] = ['iraq', 'syria', 'lebanon', 'yemen'];

/** What Iran tells a front: stop, scale back, keep going, or step up. */
export type DirectiveLevel = 'halt' | 'reduce' | 'sustain' | 'surge';
export type Directive = Readonly<Record<Front, DirectiveLevel>>;

export type StrikeTarget = 'militias' | 'houthis' | 'irgc' | 'iran';

/** The militias a strike package reaches: a wide package hits the Syrian groups too (R-SYR-02). */
export type StruckMilitia = 'iraqiMilitias' | 'syrianMilitias';

/**
 * What kind of move an action is, defined once here and read wherever a rule depends on it (the
 * machines' guards, the backtest, the debrief):
 *  - `accommodation`: giving ground to lower tension (an offer of drawdown, backing the exit talks);
 *  - `restraint`: holding fire or ordering partners to hold theirs (R-USA-04, R-IRN-05);
 *  - `signal`: words and visible readiness that change nothing on the ground (R-IRN-09, R-USA-03);
 *  - `support`: arming or urging partners on fronts away from US forces (R-IRN-12, E-09);
 *  - `pressure`: keeping proxy attacks on US forces going, or stepping them up (R-IRN-11);
 *  - `force`: strikes on proxies (R-USA-01);
 *  - `direct`: US and Iranian forces firing on each other or on the other's soil (R-IRN-15).
 */
export type Stance = 'accommodation' | 'restraint' | 'signal' | 'support' | 'pressure' | 'force' | 'direct';

export interface ActionEffects {
  /** Deterrence the US gains (or loses, with `deterrenceCost`). */
  readonly deterrence?: ParamId;
  readonly deterrenceCost?: ParamId;
  /** A package of strikes; the count is drawn around the parameter's mean. */
  readonly strikes?: { readonly target: StrikeTarget; readonly mean: ParamId; readonly hits?: readonly StruckMilitia[] };
  readonly leaderKilled?: boolean;
  /** What the order does instead once no commander is left in reach (`commandersInReach`, F-10, F-11). */
  readonly noCommanderInReach?: ActionEffects;
  readonly grievance?: ParamId;
  readonly militiaCapabilityLoss?: ParamId;
  readonly houthiCapacityLoss?: ParamId;
  readonly houthiCapacityGain?: ParamId;
  /** Iran's new guidance, front by front; fronts left out keep their current guidance. */
  readonly directive?: Partial<Directive>;
  /** Quds Force envoys carry the directive in person (R-IRN-13): faster, more compliance. */
  readonly envoys?: boolean;
  readonly withdrawalTalks?: boolean;
  /** Iranian forces fire on US forces directly (not through proxies). */
  readonly directAttack?: boolean;
  /** A public promise of a strong answer to attacks on US forces (R-USA-02). */
  readonly vow?: boolean;
}

/**
 * Commanders a leadership strike can still find (F-10, F-11): the roster in reach (`commandersInReach`),
 * less those already killed, before the scenario opened included.
 */
export function commandersLeft(commandersInReach: number, killed: number): number {
  return Math.max(0, Math.ceil(commandersInReach - killed));
}

/**
 * The parameters an action's effects name, with the effect that names each (`strikes` for a package's
 * mean; `noCommanderInReach.…` for the fallback's), for brink explain and the parameter-read checks.
 */
export function effectParamRefs(effects: ActionEffects, prefix = ''): { key: string; param: ParamId }[] {
  const out: { key: string; param: ParamId }[] = [];
  for (const [key, v] of Object.entries(effects) as [keyof ActionEffects, unknown][]) {
    if (key === 'strikes') out.push({ key: prefix + key, param: (v as NonNullable<ActionEffects['strikes']>).mean });
    else if (key === 'noCommanderInReach') out.push(...effectParamRefs(v as ActionEffects, `${prefix}${key}.`));
    else if (typeof v === 'string' && isParamId(v)) out.push({ key: prefix + key, param: v });
  }
  return out;
}

/** An action's ID, `<side>.<name>` (e.g. `us.hold`). */
export type ActionId = string;

/**
 * Which lever of a turn an action is on (a turn's order is a portfolio of one of each, portfolio.ts):
 * `force` is the side's ladder toward the other's forces (US strikes on the militias and Iran; Iran's
 * guidance to its proxies and its own fire), `signal` the words, economics and the separate theatre that
 * run beside it (warnings, talks, arms to or strikes on the Houthis). The record ran the two at once:
 * strikes in Yemen beside restraint in Iraq (R-USA-06, R-USA-04), restraint beside backing the talks
 * (R-IRN-05, R-IRN-08).
 */
export type Track = 'force' | 'signal';
export const TRACKS: readonly Track[] = ['force', 'signal'];

export interface ActionDef {
  readonly id: ActionId;
  readonly side: Side;
  readonly track: Track;
  readonly rung: number;
  readonly stance: Stance;
  readonly label: string;
  readonly description: string;
  readonly cites: readonly string[];
  readonly effects: ActionEffects;
  /** Actions a historical actor never took in the record are flagged, so the UI can say so. */
  readonly offRecord?: string;
}

const IRAN_RESTRAINT: Partial<Directive> = { iraq: 'halt', syria: 'reduce', lebanon: 'sustain', yemen: 'sustain' };

export const ACTIONS: readonly ActionDef[] = [
  // ── United States ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'us.none',
    side: 'us',
    track: 'signal',
    rung: 0,
    stance: 'signal',
    label: 'No signal',
    description: "Say and offer nothing beside this turn's military order",
    cites: ['R-USA-04'],
    effects: {},
  },
  {
    id: 'us.offer-drawdown',
    track: 'signal',
    side: 'us',
    rung: 0,
    stance: 'accommodation',
    label: 'Offer a partial drawdown',
    description: "Back Baghdad's talks on a negotiated, partial exit of US forces from Iraq",
    cites: ['R-USA-07', 'R-IRQ-03', 'E-12'],
    effects: { withdrawalTalks: true, deterrenceCost: 'deterrenceDrawdownCost' },
  },
  {
    id: 'us.hold',
    track: 'force',
    side: 'us',
    rung: 1,
    stance: 'restraint',
    label: 'Hold fire, keep options ready',
    description: 'Refrain from offensive strikes to protect a calm, reserving the right to respond',
    cites: ['R-USA-04', 'R-USA-05', 'F-11'],
    effects: {},
  },
  {
    id: 'us.warn',
    track: 'signal',
    side: 'us',
    rung: 1,
    stance: 'signal',
    label: 'Warn publicly',
    description: 'Hold Tehran responsible in public and vow a strong answer to further attacks',
    cites: ['R-USA-02', 'R-USA-03', 'T-10'],
    effects: { deterrence: 'deterrenceFromWarning', vow: true },
  },
  {
    id: 'us.show-of-force',
    track: 'force',
    side: 'us',
    rung: 2,
    stance: 'signal',
    label: 'Show of force',
    description: 'Move forces and make readiness visible without firing',
    cites: ['R-USA-04', 'R-SYS-03'],
    effects: { deterrence: 'deterrenceFromShowOfForce' },
  },
  {
    id: 'us.interdict',
    track: 'signal',
    side: 'us',
    rung: 3,
    stance: 'pressure',
    label: 'Sanctions and arms interdiction',
    description: 'Squeeze Iranian arms transfers to the Houthis and the money behind them',
    cites: ['R-HOU-06', 'R-USA-06', 'O-USA-05'],
    effects: { houthiCapacityLoss: 'houthiInterdictionLoss' },
  },
  {
    id: 'us.strike-houthis',
    track: 'signal',
    side: 'us',
    rung: 5,
    stance: 'force',
    label: 'Strike Houthi launchers',
    description: 'A week of strikes on Houthi missiles and drones, often before launch',
    cites: ['R-USA-06', 'F-12', 'R-HOU-04'],
    effects: { strikes: { target: 'houthis', mean: 'calibratedStrikeCount' }, houthiCapacityLoss: 'houthiStrikeCapacityLoss' },
  },
  {
    id: 'us.calibrated-strikes',
    track: 'force',
    side: 'us',
    rung: 5,
    stance: 'force',
    label: 'Calibrated strikes on militias',
    description: 'A few limited strikes on militia sites in Iraq and Syria',
    cites: ['P-07', 'F-13', 'R-USA-01'],
    effects: {
      strikes: { target: 'militias', mean: 'calibratedStrikeCount', hits: ['iraqiMilitias', 'syrianMilitias'] },
      deterrence: 'deterrenceFromCalibrated',
      grievance: 'grievancePerStrikeWave',
      militiaCapabilityLoss: 'capabilityLossPerStrikes',
    },
  },
  {
    id: 'us.leadership-strike',
    track: 'force',
    side: 'us',
    rung: 6,
    stance: 'force',
    label: 'Kill a militia commander',
    description: 'A targeted strike on a senior militia figure, as in Baghdad on 7 Feb 2024',
    cites: ['F-10', 'T-16', 'R-USA-01'],
    effects: {
      strikes: { target: 'militias', mean: 'calibratedStrikeCount', hits: ['iraqiMilitias'] },
      leaderKilled: true,
      deterrence: 'deterrenceFromLeadership',
      grievance: 'grievancePerLeaderKilled',
      // Once the commanders in reach are dead: a strike wave on the Iraqi groups' sites, as the calibrated
      // strikes are, that kills nobody.
      noCommanderInReach: {
        strikes: { target: 'militias', mean: 'calibratedStrikeCount', hits: ['iraqiMilitias'] },
        deterrence: 'deterrenceFromCalibrated',
        grievance: 'grievancePerStrikeWave',
        militiaCapabilityLoss: 'capabilityLossPerStrikes',
      },
    },
  },
  {
    id: 'us.major-campaign',
    track: 'force',
    side: 'us',
    rung: 7,
    stance: 'force',
    label: 'Large strike campaign',
    description: 'Dozens of strikes in a day across Iraq and Syria, sparing Iran, as on 2 Feb 2024',
    cites: ['F-09', 'T-13', 'R-USA-02', 'P-06'],
    effects: {
      strikes: { target: 'militias', mean: 'campaignStrikeCount', hits: ['iraqiMilitias', 'syrianMilitias'] },
      deterrence: 'deterrenceFromCampaign',
      grievance: 'grievancePerStrikeWave',
      militiaCapabilityLoss: 'capabilityLossPerCampaign',
    },
  },
  {
    id: 'us.strike-irgc',
    track: 'force',
    side: 'us',
    rung: 8,
    stance: 'direct',
    label: 'Strike IRGC forces',
    description: 'Hit Revolutionary Guards units and advisers in Iraq and Syria directly',
    cites: ['R-USA-03', 'R-USA-09', 'Q-13'],
    offRecord: 'The US never struck Iranian forces in this period (R-USA-01).',
    effects: { strikes: { target: 'irgc', mean: 'irgcStrikeCount' }, deterrence: 'deterrenceFromDirect' },
  },
  {
    id: 'us.strike-iran',
    track: 'force',
    side: 'us',
    rung: 9,
    stance: 'direct',
    label: 'Strike inside Iran',
    description: 'Strikes on targets on Iranian soil, the rung the US declined to climb',
    cites: ['R-USA-03', 'R-USA-01', 'Q-13', 'Q-15'],
    offRecord: 'The US held Tehran responsible but never struck Iran (R-USA-03).',
    effects: { strikes: { target: 'iran', mean: 'iranStrikeCount' }, deterrence: 'deterrenceFromDirect' },
  },
  // ── Iran ──────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'iran.none',
    side: 'iran',
    track: 'signal',
    rung: 0,
    stance: 'signal',
    label: 'No signal',
    description: "Say and send nothing beside this turn's guidance to the fronts",
    cites: ['R-IRN-09'],
    effects: {},
  },
  {
    id: 'iran.stand-down-all',
    track: 'force',
    side: 'iran',
    rung: 0,
    stance: 'restraint',
    label: 'Stand every front down',
    description: 'Order Iraqi and Syrian groups to halt and Hezbollah to ease off; the Houthis may not listen',
    cites: ['R-IRN-15', 'R-HZB-04', 'R-HOU-01', 'C-01'],
    offRecord: 'Iran kept the Lebanon and Yemen fronts going throughout (R-IRN-05).',
    effects: { directive: { iraq: 'halt', syria: 'halt', lebanon: 'reduce', yemen: 'reduce' }, envoys: true },
  },
  {
    id: 'iran.back-talks',
    track: 'signal',
    side: 'iran',
    rung: 0,
    stance: 'accommodation',
    label: 'Back the withdrawal talks',
    description: "Push Baghdad's talks with Washington on a US exit, the prize Iran wants most, once they are under way",
    cites: ['R-IRN-08', 'O-IRN-01', 'D-12', 'E-12'],
    effects: { withdrawalTalks: true },
  },
  {
    id: 'iran.rein-in',
    track: 'force',
    side: 'iran',
    rung: 1,
    stance: 'restraint',
    label: 'Rein the militias in (envoys)',
    description: 'Send the Quds Force chief and envoys: Iraq halts, Syria scales back, Lebanon and Yemen go on',
    cites: ['R-IRN-05', 'R-IRN-13', 'R-IRN-01', 'T-12'],
    effects: { directive: IRAN_RESTRAINT, envoys: true },
  },
  {
    id: 'iran.quiet-message',
    track: 'force',
    side: 'iran',
    rung: 1,
    stance: 'restraint',
    label: 'Ask for restraint by message',
    description: 'The same per-front restraint, passed by private message rather than in person',
    cites: ['R-IRN-05', 'R-IRN-09', 'T-19'],
    effects: { directive: IRAN_RESTRAINT },
  },
  {
    id: 'iran.public-threats',
    track: 'signal',
    side: 'iran',
    rung: 1,
    stance: 'signal',
    label: 'Threaten in public',
    description: 'Vow to answer any threat and praise the axis, changing nothing in private',
    cites: ['R-IRN-09', 'T-19', 'T-20'],
    effects: {},
  },
  {
    id: 'iran.arm-houthis',
    track: 'signal',
    side: 'iran',
    rung: 3,
    stance: 'support',
    label: 'Step up arms to the Houthis',
    description: 'Send more missiles and drones to Yemen, keeping that front supplied',
    cites: ['E-09', 'R-HOU-06', 'Q-16'],
    effects: { houthiCapacityGain: 'houthiArmingBoost' },
  },
  {
    id: 'iran.hold-course',
    track: 'force',
    side: 'iran',
    rung: 4,
    stance: 'pressure',
    label: 'Keep up the pressure',
    description: 'Leave broad guidance in place: militias keep harassing US bases, every front stays open',
    cites: ['R-IRN-11', 'R-MIL-01', 'C-06'],
    effects: { directive: { iraq: 'sustain', syria: 'sustain', lebanon: 'sustain', yemen: 'sustain' } },
  },
  {
    id: 'iran.escalate-fronts',
    track: 'force',
    side: 'iran',
    rung: 4,
    stance: 'support',
    label: 'Turn up Lebanon and Yemen',
    description: 'Back Hezbollah and the Houthis in stepping up against Israel, leaving Iraq as it is',
    cites: ['R-IRN-12', 'R-HZB-03', 'R-HOU-05'],
    effects: { directive: { lebanon: 'surge', yemen: 'surge' } },
  },
  {
    id: 'iran.unleash',
    track: 'force',
    side: 'iran',
    rung: 5,
    stance: 'pressure',
    label: 'Unleash the militias',
    description: 'Urge every group to hit US forces harder and more often',
    cites: ['R-IRN-04', 'R-IRN-11', 'E-03'],
    offRecord: 'Iran never ordered a surge against US forces in this period.',
    effects: { directive: { iraq: 'surge', syria: 'surge', lebanon: 'surge', yemen: 'surge' } },
  },
  {
    id: 'iran.irgc-attack',
    track: 'force',
    side: 'iran',
    rung: 8,
    stance: 'direct',
    label: 'IRGC attacks US forces',
    description: 'Revolutionary Guards units fire on US forces in Iraq or Syria themselves',
    cites: ['R-IRN-15', 'R-IRN-03', 'O-IRN-02'],
    offRecord: 'Iran avoided any direct clash (R-IRN-15).',
    effects: { directAttack: true },
  },
  {
    id: 'iran.missile-strike',
    track: 'force',
    side: 'iran',
    rung: 9,
    stance: 'direct',
    label: 'Missiles from Iran',
    description: 'Launch missiles from Iranian soil at US bases in the region',
    cites: ['R-IRN-03', 'Q-15', 'O-IRN-02'],
    offRecord: 'Iran never fired on US forces from its own territory in this period.',
    effects: { directAttack: true },
  },
];

const BY_ID = new Map(ACTIONS.map((a) => [a.id, a]));

export function actionById(id: string): ActionDef | undefined {
  return BY_ID.get(id);
}

export function actionsFor(side: Side): readonly ActionDef[] {
  return ACTIONS.filter((a) => a.side === side);
}

/** A side's actions on one lever, in catalogue order. */
export function actionsOn(side: Side, track: Track): readonly ActionDef[] {
  return ACTIONS.filter((a) => a.side === side && a.track === track);
}

/** A side as an adjective, "a US order", "the Iranian player": one spelling for every sentence that needs it. */
export const SIDE_ADJECTIVE: Readonly<Record<Side, string>> = { us: 'US', iran: 'Iranian' };

/** The adjective with its article: "a US", "an Iranian". */
export function aSide(side: Side): string {
  return `${side === 'iran' ? 'an' : 'a'} ${SIDE_ADJECTIVE[side]}`;
}

export function otherSide(side: Side): Side {
  return side === 'us' ? 'iran' : 'us';
}

const ESCALATORY: ReadonlySet<Stance> = new Set(['support', 'pressure', 'force', 'direct']);

/** Whether an action climbs the ladder: force, pressure, support for partners, direct fire; never accommodation, restraint or words. */
export function escalates(def: ActionDef | undefined): boolean {
  return def !== undefined && ESCALATORY.has(def.stance);
}

/** Whether an action strikes Iranian soil or Iran's own forces (the IRGC): Iran's to answer (R-IRN-09, Q-15). */
export function strikesIranOrItsForces(def: ActionDef | undefined): boolean {
  const target = def?.effects.strikes?.target;
  return target === 'iran' || target === 'irgc';
}

/** Whether an action strikes those behind the attacks on US forces: the militias, the IRGC or Iran (not the Houthis). */
export function strikesMilitiasOrIran(def: ActionDef | undefined): boolean {
  return def?.effects.strikes?.target === 'militias' || strikesIranOrItsForces(def);
}

/**
 * Whether a US order answers attacks on US forces, as Tehran reads it (R-IRN-01, R-USA-02): a public vow
 * of a strong answer, or strikes on the groups that fire or on Iran and its forces. Strikes on the
 * Houthis, a show of force, holding fire and an offer of talks do not answer the militias' attacks.
 */
export function answersAttacksOnUs(def: ActionDef | undefined): boolean {
  return def?.effects.vow === true || strikesMilitiasOrIran(def);
}

/**
 * Whether the other side sees an action being taken. Iran's guidance to its partners and its arms
 * shipments travel privately (R-IRN-09: public bluster, private instructions; E-02: deniability); a US
 * decision to hold fire shows nothing. Everything else is seen.
 */
export function isPublicAction(def: ActionDef): boolean {
  if (def.id === 'us.none' || def.id === 'iran.none') return false;
  if (def.side === 'us') return def.id !== 'us.hold';
  return def.effects.directive === undefined && def.effects.houthiCapacityGain === undefined;
}
