/**
 * What we do not know about each parameter: a prior beside the point value in params.ts. A batch with
 * `--uncertainty prior` draws every game's parameters from these, and `brink calibrate` starts from them.
 *
 * A cited figure's range comes from its evidence (a floor, "dozens", a small count, two sources that
 * disagree); an assumption's range is as wide as honesty requires and says why. Score weights
 * (`score*`) are preferences, not uncertain quantities: they have no prior and are never sampled.
 * test/model/priors.test.ts checks that every other parameter has one, that its range holds the point
 * value and lies inside the parameter's allowed min–max, and that every ID it cites exists.
 *
 * Every prior maps a uniform number u in [0, 1) to a value (its quantile function): a sampler draws one
 * uniform per parameter, and the sensitivity designs work on the unit cube and map through the same
 * function, so all three see the same distribution.
 */
import type { ParamId } from './params.ts';

/** Parameters with a prior: everything but the score weights. */
export type UncertainParamId = Exclude<ParamId, `score${string}`>;

interface PriorBase {
  /** One line: why this shape and this range. */
  readonly reason: string;
  /** Facts the range rests on (a cited figure's bounds); empty for an assumption's range. */
  readonly cites: readonly string[];
}

export type Prior = PriorBase &
  /** Every value in [lo, hi] equally plausible; `integer` draws whole numbers lo … hi (day counts). */
  (
    | { readonly kind: 'uniform'; readonly lo: number; readonly hi: number; readonly integer?: true }
    /** Every order of magnitude in [lo, hi] equally plausible: for a rate known only to within a factor. */
    | { readonly kind: 'logUniform'; readonly lo: number; readonly hi: number }
    /** A beta(a, b) on [0, 1]: a probability estimated from a count of events. */
    | { readonly kind: 'beta'; readonly a: number; readonly b: number }
    /** Held at its point value: known, or a setting rather than a quantity. */
    | { readonly kind: 'point' }
    /** 1 minus the sum of other parameters, so shares keep summing to one. */
    | { readonly kind: 'remainder'; readonly of: readonly UncertainParamId[] }
  );

const u = (lo: number, hi: number, reason: string, cites: readonly string[] = []): Prior => ({ kind: 'uniform', lo, hi, reason, cites });
const ui = (lo: number, hi: number, reason: string, cites: readonly string[] = []): Prior => ({
  kind: 'uniform',
  lo,
  hi,
  integer: true,
  reason,
  cites,
});
const lu = (lo: number, hi: number, reason: string, cites: readonly string[] = []): Prior => ({
  kind: 'logUniform',
  lo,
  hi,
  reason,
  cites,
});

/**
 * `satisfies Partial<…>`: a prior for a parameter that no longer exists is a type error; a parameter
 * without a prior is a test failure that names it (and is held at its point value until it gets one).
 */
export const PRIORS = {
  // ── Proxy attacks on US forces ─────────────────────────────────────────────────────────────────
  militiaAttackRate: u(
    1.3,
    2.6,
    'F-01 (≥ 1.44/day) and F-02 (> 0.92/day) are floors of the observed, deterred rate; the undeterred rate lies above them by an unmeasured margin',
    ['F-01', 'F-02', 'D-04'],
  ),
  shareIraq: u(0.35, 0.75, 'no source splits the attacks by country (Q-02): anything from a third to three quarters', ['Q-02']),
  shareJordan: u(0.01, 0.12, 'one Jordan attack is described; its share of the rest is unknown', ['T-09']),
  shareSyria: {
    kind: 'remainder',
    of: ['shareIraq', 'shareJordan'],
    reason: 'what Iraq and Jordan leave: the three shares sum to one',
    cites: ['Q-02'],
  },
  syriaRestrainedRate: lu(0.02, 0.4, 'two attacks in 15–20 days (F-03): a rate from two events is uncertain by a factor of several', [
    'F-03',
    'D-05',
  ]),
  iraqRogueRate: lu(
    0.001,
    0.05,
    'zero Iraqi attacks in about 20 days (F-03) bounds the rate below about 0.15/day; rogue cells are possible but rare',
  ),
  syriaRogueRate: lu(0.002, 0.1, 'no count separates rogue Syrian attacks from the scaled-back ones; known to within a factor of fifty'),
  surgeMultiplier: u(1.1, 3, 'no surge is documented: anything from a visible rise to three times the tempo'),
  truceMultiplier: u(0.1, 0.9, 'only the direction of the November drop is known (F-05, P-03): from a near halt to a slight dip', [
    'F-05',
    'P-03',
  ]),
  // ── Casualties ────────────────────────────────────────────────────────────────────────────────
  fatalityPerAttack: {
    kind: 'beta',
    a: 1.5,
    b: 169.5,
    reason: 'one fatal attack in at least 170 (F-06): the Jeffreys beta for 1 in 170',
    cites: ['F-06', 'F-01'],
  },
  deathsWhenFatal: lu(1, 10, 'a single fatal attack killed three (F-06): one observation fixes only the order of magnitude', ['F-06']),
  restrainedLethalityFactor: u(
    0.05,
    1,
    'the order to avoid casualties is documented, its effect is not: from almost no deaths to no effect',
  ),
  injuryPerAttack: lu(0.01, 0.4, 'no source counts injuries (Q-05): from one attack in a hundred to four in ten', ['Q-05']),
  injuredWhenInjury: lu(1, 10, 'no source counts injuries (Q-05): from one to ten wounded when an attack wounds', ['Q-05']),
  // ── Compliance with Iranian directives ────────────────────────────────────────────────────────
  complianceBase: u(0.05, 0.6, 'two of the largest militias refused at first (F-24); how often a bare order sticks is unmeasured', [
    'F-24',
  ]),
  complianceEnvoyBonus: u(0.1, 0.6, 'envoys are described as decisive, never measured'),
  complianceIraqGovBonus: u(0, 0.4, "Baghdad's pressure helped; no source weighs it"),
  complianceClericBonus: u(0, 0.3, 'clerical lobbying is documented without a size'),
  complianceWarFearBonus: u(0, 0.5, 'hands-on control once war felt close is documented, its size is not'),
  complianceGrievancePenalty: u(0, 0.6, 'sources show rhetoric rising after strikes, not its effect on compliance'),
  compliancePersistence: u(0.02, 0.4, 'compliance came within about a week (F-07); how fast pressure compounds is unmeasured', ['F-07']),
  directiveLagMinDays: ui(2, 4, 'P-08 puts order-to-compliance at 3–7 days; the shortest lag within a day of its lower end', ['P-08']),
  directiveLagMaxDays: ui(5, 9, 'P-08 puts order-to-compliance at 3–7 days; the longest lag within two days of its upper end', ['P-08']),
  envoyLagMinDays: ui(0, 2, 'envoys arrived days after the claim (F-07): none to two days at the quickest', ['F-07']),
  envoyLagMaxDays: ui(2, 5, 'envoys arrived within days (F-07): two to five days at the slowest', ['F-07']),
  deliberationMinDays: ui(0, 2, 'the refusal and the agreement both fall within the week after the deaths (F-07)', ['F-07']),
  deliberationMaxDays: ui(2, 6, 'deaths to the last attack took 7 days (F-07), bounding delivery plus deliberation', ['F-07']),
  // ── Deterrence and grievance ──────────────────────────────────────────────────────────────────
  deterrenceHalfLife: lu(1, 12, 'no source measures how long deterrence lasts (Q-12); the lull held at least 13 days (P-09)', [
    'Q-12',
    'P-09',
  ]),
  deterrenceEffect: u(0, 1.5, 'whether force deters is contested (D-19): from no effect to a cut of three quarters', ['D-19']),
  provocationEffect: u(0, 1.5, 'whether force provokes is contested (D-19): from no effect to two and a half times the rate', ['D-19']),
  commandersInReach: ui(
    2,
    8,
    'one commander killed (F-10) and at least one more found and spared (F-11) make two the floor; no source says how many more the US could find',
    ['F-10', 'F-11'],
  ),
  grievancePerLeaderKilled: u(0.1, 0.7, 'vows of painful revenge are documented, not how much they move resolve'),
  grievancePerStrikeWave: u(0.02, 0.3, 'anger from strikes is documented without a size'),
  grievanceDecay: u(0.05, 0.4, 'no attacks followed the vows for at least 10 days (F-08): anger fades, at an unknown pace', ['F-08']),
  capabilityLossPerCampaign: u(0.03, 0.4, 'the results of the 2 Feb strikes are unknown (D-15)', ['D-15']),
  capabilityLossPerStrikes: lu(0.005, 0.1, 'no damage figures exist for limited raids'),
  capabilityRecovery: lu(0.01, 0.2, 'Iran rearms the groups; how fast is unknown'),
  // ── The strategic core (issue 9): consequences the documents describe in direction only ────────────
  warFromDirectExchange: u(
    0.15,
    1,
    'no source says whether a limited direct exchange means war (Q-15): both capitals avoided it (R-USA-09), regime safety comes first (R-IRN-03)',
    ['Q-15', 'R-USA-09', 'R-IRN-03'],
  ),
  warHazardIrgcStrike: u(0.01, 0.15, "never done in the record (R-USA-03): no source sizes the risk of striking Iran's forces", [
    'R-USA-03',
    'Q-13',
  ]),
  warHazardIranStrike: u(0.02, 0.3, 'never done (R-USA-03); the highest single-action risk, of unknown size', ['R-USA-03', 'Q-15']),
  deterrenceUnderPressure: u(
    0.2,
    0.9,
    'the calm came when US force met Iranian restraint (D-18); how much force bites without it is unknown',
    ['D-18', 'R-SYS-05'],
  ),
  lullProvocation: u(1, 4, 'DoD judged raids after the lull counter-productive (R-USA-04); by how much is unstated', ['R-USA-04']),
  relapsePerGrievance: u(0, 0.06, 'no attack followed the 7 Feb killing (F-08): the relapse chance is small, its size unmeasured', [
    'F-08',
    'R-SYS-07',
  ]),
  withdrawalPerLeaderKilled: u(0, 0.15, 'Baghdad wants to be no battlefield (O-IRQ-02); how far a killing moves the talks is unstated', [
    'O-IRQ-02',
  ]),
  iranPressureFullScale: u(6, 14, 'the permissive tempo, floors of 6.4 to 10 attacks a week (F-01, F-02), taken as full pressure', [
    'F-01',
    'F-02',
  ]),
  militiaCapabilityFloor: u(
    0.2,
    0.7,
    'no bombing reaches every cell and Iran rearms the groups (R-MIL-07, E-01); how much survives is unmeasured',
    ['R-MIL-07', 'E-01'],
  ),
  // ── Houthis ───────────────────────────────────────────────────────────────────────────────────
  houthiAttackRate: u(0.4, 0.8, 'F-14 gives 0.44–0.61/day by the start date chosen (a floor), P-04 0.45–0.6, F-15 spells near 0.75', [
    'F-14',
    'F-15',
    'P-04',
  ]),
  houthiRafahMultiplier: u(1, 2.5, 'the size of the step-up is unstated; spikes ran 1.2–1.7× the average (F-15)', ['F-15']),
  houthiTruceMultiplier: u(0.1, 1, 'intensity tracks the Gaza war; the drop in a truce is not measured'),
  houthiStrikeCapacityLoss: lu(0.01, 0.2, 'strikes cut capacity without stopping the attacks; by how much is unmeasured'),
  houthiInterdictionLoss: lu(0.005, 0.1, 'interdiction is an aim with no documented rate'),
  houthiResupply: lu(0.01, 0.15, 'transfer volumes are unknown (Q-16)', ['Q-16']),
  houthiArmingBoost: u(0.02, 0.3, 'transfer volumes are unknown (Q-16)', ['Q-16']),
  // ── Hezbollah ─────────────────────────────────────────────────────────────────────────────────
  hezbollahFireDayChance: u(5 / 7, 1, 'near-daily fire read as 5–7 days a week (F-16)', ['F-16']),
  hezbollahRestrainedChance: u(0.1, 0.6, 'the truce dampened fire region-wide; by how much is unknown'),
  hezbollahIntensifiedChance: u(0.85, 1, 'a step-up from near-daily fire can only approach every day'),
  houthiCapacityFloor: u(0.1, 0.6, 'strikes have not stopped the attacks; how much of the arsenal is out of reach is unknown'),
  // ── US strikes ────────────────────────────────────────────────────────────────────────────────
  calibratedStrikeCount: lu(1, 10, 'pre-fatality retaliation was light and is counted nowhere (F-13)', ['F-13']),
  campaignStrikeCount: u(24, 96, '"dozens" (F-09): at least two dozen, and fewer than would be called a hundred', ['F-09']),
  irgcStrikeCount: lu(2, 30, 'never taken in the record: from a token package to one near a campaign'),
  iranStrikeCount: lu(3, 50, 'never taken in the record: from a token package to more than the 2 Feb campaign'),
  // ── What US actions do to deterrence and to Iran's fear of war ────────────────────────────────
  deterrenceFromWarning: u(0, 0.1, 'words alone are cheap talk; at most a small effect'),
  deterrenceFromShowOfForce: u(0, 0.2, 'a visible posture refreshes deterrence a little, by an unmeasured amount'),
  deterrenceFromCalibrated: u(0.03, 0.35, 'light strikes did not stop the attacks (F-13); their effect is unmeasured', ['F-13']),
  deterrenceFromLeadership: u(0.05, 0.45, 'no attack followed the 7 Feb killing (F-08), but the halt was already in force', ['F-08']),
  deterrenceFromCampaign: u(0.2, 0.9, "the calm followed the campaign together with Iran's own choices (D-18): its own share is unknown", [
    'D-18',
  ]),
  deterrenceFromDirect: u(0.3, 1, "never tried in the record: anything from a campaign's effect to full deterrence"),
  deterrenceDrawdownCost: u(0, 0.15, 'an offer to leave may read as weakness, or not at all'),
  iranWarFearPerRung: u(0.02, 0.25, "the scale of Tehran's fear is a designer choice"),
  // ── Pressures ─────────────────────────────────────────────────────────────────────────────────
  usDomesticPerDeath: u(0.03, 0.3, 'deaths forced a public vow; the size of the pressure is unmeasured'),
  usDomesticPerWeek: lu(0.002, 0.05, 'criticism growing with the war is inferred, its pace unknown'),
  usDomesticDecay: u(0.02, 0.3, 'how criticism feeds decisions is undescribed (Q-20)', ['Q-20']),
  iranWarFearPerDeath: u(0.03, 0.4, 'Iran read another deadly attack as war; the size is unmeasured'),
  iranWarFearDecay: u(0.02, 0.3, 'how fast fear fades is unmeasured'),
  withdrawalPerQuietWeek: u(0.01, 0.15, 'the talks have no timeline (Q-19): calm moves them by an unknown pace', ['Q-19']),
  withdrawalPerAttack: lu(0.001, 0.05, 'attacks complicate the talks by an unknown amount'),
  withdrawalPerTalksOffer: u(0.02, 0.25, 'the US was open to a partial drawdown; the weight of saying so is unknown'),
  axisGainsPerWeek: lu(0.005, 0.06, 'Iran believes the war earned it sympathy (F-22); the pace is unmeasured', ['F-22']),
  shippingSmoothing: u(0.15, 0.8, 'how quickly rerouting costs build and fade is unmeasured'),
  shippingFullScale: u(5, 14, 'from the mid-February spike rate (≈ 5.3/week, F-15) to over twice it', ['F-15']),
  // ── War risk ──────────────────────────────────────────────────────────────────────────────────
  warShockBase: lu(0.0001, 0.02, 'no war in 19 weeks (F-19) bounds a per-turn floor only loosely; two orders of magnitude', ['F-19']),
  warHazardPerRung: lu(0.002, 0.05, 'both sides avoided the top of the ladder, so the hazard there is never observed'),
  warDurationHazard: u(0, 1.5, 'that a long war makes escalation harder to avoid is a rule without a size'),
  iranBrakesUnanswered: u(
    0,
    1,
    'the US vowed after every death in the record, so no source shows Iran without the vow (R-IRN-01, R-IRN-04)',
  ),
  iranAnswersHomelandStrike: u(0.2, 1, 'no source says how Iran would answer (Q-15); public vows lean towards an answer', ['Q-15']),
  // ── US historical policy ──────────────────────────────────────────────────────────────────────
  usStrikeThreshold: lu(8, 80, 'pre-January retaliation was light and slow (F-13), its cadence never counted', ['F-13']),
  usLullResumeThreshold: u(1, 5, 'how many attacks would end the US lull posture is unstated'),
  // ── Intelligence ──────────────────────────────────────────────────────────────────────────────
  intelAccuracy: u(0.6, 0.95, "intelligence saw through Iran's public line most of the time; how often is unmeasured"),
  intelActiveBonus: u(0, 0.2, 'that attacks sharpen a read is a rule without a size: from nothing to a fifth'),
  intelQuietPenalty: u(0.05, 0.35, 'how much a quiet front blurs a read is unmeasured: from a little to little better than a guess'),
  intelStrikeBonus: u(0, 0.2, 'how much strikes teach about a front is unmeasured: from nothing to a fifth'),
} as const satisfies Partial<Record<UncertainParamId, Prior>>;

export function isScoreWeight(id: ParamId): boolean {
  return id.startsWith('score');
}

export function priorOf(id: ParamId): Prior | undefined {
  return (PRIORS as Partial<Record<ParamId, Prior>>)[id];
}

/** The interval a prior can produce (a beta's is [0, 1]; a remainder's follows from its parts). */
export function priorSupport(prior: Prior): readonly [number, number] {
  switch (prior.kind) {
    case 'uniform':
    case 'logUniform':
      return [prior.lo, prior.hi];
    case 'beta':
      return [0, 1];
    case 'point':
      return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
    case 'remainder': {
      let lo = 1;
      let hi = 1;
      for (const id of prior.of) {
        const [a, b] = priorSupport(priorOf(id)!);
        lo -= b;
        hi -= a;
      }
      return [lo, hi];
    }
  }
}

/** Whether a parameter is drawn on its own (it takes one uniform); points and remainders are not. */
export function isDrawn(prior: Prior | undefined): prior is Prior & { kind: 'uniform' | 'logUniform' | 'beta' } {
  return prior !== undefined && (prior.kind === 'uniform' || prior.kind === 'logUniform' || prior.kind === 'beta');
}

/** The value at quantile q ∈ [0, 1) of a drawn prior. */
export function priorQuantile(prior: Prior & { kind: 'uniform' | 'logUniform' | 'beta' }, q: number): number {
  switch (prior.kind) {
    case 'uniform':
      if (prior.integer) return Math.min(prior.hi, prior.lo + Math.floor(q * (prior.hi - prior.lo + 1)));
      return prior.lo + q * (prior.hi - prior.lo);
    case 'logUniform':
      return prior.lo * Math.exp(q * Math.log(prior.hi / prior.lo));
    case 'beta':
      return betaQuantile(q, prior.a, prior.b);
  }
}

/** A drawn prior's middle 90 %: its 5 % and 95 % quantiles (what brink sensitivity explores, and what a posterior narrows). */
export function priorInterval90(prior: Prior & { kind: 'uniform' | 'logUniform' | 'beta' }): [number, number] {
  return [priorQuantile(prior, 0.05), priorQuantile(prior, 0.95)];
}

/** The prior's density at x (up to a constant for logUniform it is exact), for ABC importance weights. */
export function priorDensity(prior: Prior & { kind: 'uniform' | 'logUniform' | 'beta' }, x: number): number {
  switch (prior.kind) {
    case 'uniform':
      if (x < prior.lo || x > prior.hi) return 0;
      return prior.integer ? 1 / (prior.hi - prior.lo + 1) : 1 / (prior.hi - prior.lo);
    case 'logUniform':
      return x < prior.lo || x > prior.hi ? 0 : 1 / (x * Math.log(prior.hi / prior.lo));
    case 'beta':
      if (x <= 0 || x >= 1) return 0;
      return Math.exp((prior.a - 1) * Math.log(x) + (prior.b - 1) * Math.log(1 - x) - logBeta(prior.a, prior.b));
  }
}

/** A short text for `brink explain`: the shape, the range and the middle 90 %. */
export function describePrior(prior: Prior, pointValue: number): string {
  const fmt = (x: number) => (Math.abs(x) >= 100 || Number.isInteger(x) ? String(Math.round(x * 100) / 100) : x.toPrecision(3));
  switch (prior.kind) {
    case 'uniform':
      return `${prior.integer ? 'whole numbers uniform' : 'uniform'} ${fmt(prior.lo)}–${fmt(prior.hi)}`;
    case 'logUniform':
      return `log-uniform ${fmt(prior.lo)}–${fmt(prior.hi)} (90 %: ${priorInterval90(prior).map(fmt).join('–')})`;
    case 'beta':
      return `beta(${prior.a}, ${prior.b}) (90 %: ${fmt(betaQuantile(0.05, prior.a, prior.b))}–${fmt(betaQuantile(0.95, prior.a, prior.b))}, mean ${fmt(prior.a / (prior.a + prior.b))})`;
    case 'point':
      return `held at ${fmt(pointValue)}`;
    case 'remainder': {
      const [lo, hi] = priorSupport(prior);
      return `1 − ${prior.of.join(' − ')} (${fmt(lo)}–${fmt(hi)})`;
    }
  }
}

// ── The beta distribution (no dependency carries one) ──────────────────────────────────────────────

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: relative error below 1e-13); batch/student-t.ts uses it too. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * Continued fraction for the regularized incomplete beta (Lentz's method). The priors' quantiles need 300
 * terms to 1e-14; batch/student-t.ts asks for more terms and a tighter stop at very large degrees of freedom.
 */
export function betaContinuedFraction(x: number, a: number, b: number, maxTerms = 300, tolerance = 1e-14): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxTerms; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < tolerance) break;
  }
  return h;
}

/** The regularized incomplete beta I_x(a, b): the beta(a, b) distribution function at x. */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - logBeta(a, b));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(x, a, b)) / a : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Inverse of betaCdf by bisection: slow but exact to 1e-12, and priors are drawn once per game. */
export function betaQuantile(q: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (betaCdf(mid, a, b) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
