/**
 * Every number the model uses, with its provenance. A parameter either cites fact IDs from seeds/
 * (DOMAIN.md's F-, P-, R-, … IDs) or carries an `assumption` saying why the value was chosen where the
 * evidence is silent. test/model/provenance.test.ts fails on a parameter with neither, and on a
 * citation of an ID that seeds/facts.yaml does not hold.
 *
 * Rates are per day (the documents give per-day figures); the engine multiplies by the days a posture
 * lasts inside a turn.
 */
export interface ParamSpec {
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  readonly description: string;
  readonly cites: readonly string[];
  /** Set where no fact fixes the value: a one-line reason. */
  readonly assumption?: string;
}

function p(
  value: number,
  min: number,
  max: number,
  unit: string,
  description: string,
  cites: readonly string[],
  assumption?: string,
): ParamSpec {
  return assumption === undefined
    ? { value, min, max, unit, description, cites }
    : { value, min, max, unit, description, cites, assumption };
}

export const PARAM_SPECS = {
  // ── Proxy attacks on US forces ─────────────────────────────────────────────────────────────────
  militiaAttackRate: p(1.56, 0, 10, 'attacks/day',
    'Attacks on US forces in Iraq, Syria and Jordan under permissive guidance, before US deterrence',
    ['F-01', 'P-01', 'R-MIL-01', 'R-IRN-11'],
    'F-01 gives 1.44/day as observed, i.e. net of the light US deterrence of the period (F-13); the undeterred rate is set so the historical game averages ≈ 10 a week (F-01 is a floor)'),
  shareIraq: p(0.55, 0, 1, 'fraction', 'Share of militia attacks that fall in Iraq', ['Q-02', 'D-24'],
    'no file splits the 170 attacks by country; Iraq hosts most US sites, so it gets the larger share'),
  shareJordan: p(0.05, 0, 1, 'fraction', 'Share of militia attacks that fall in Jordan', ['Q-02', 'T-09'],
    'only one Jordan attack is described; a small share keeps Tower 22 possible without inflating it'),
  shareSyria: p(0.4, 0, 1, 'fraction', 'Share of militia attacks that fall in Syria', ['Q-02', 'D-24'],
    'the remainder after Iraq and Jordan; Syrian militias were active enough to be struck on 2 Feb (R-SYR-02)'),
  syriaRestrainedRate: p(0.1, 0, 2, 'attacks/day', 'Syrian attacks while told to scale back',
    ['F-03', 'P-02', 'R-SYR-01']),
  iraqRogueRate: p(0.005, 0, 1, 'attacks/day', 'Iraqi attacks no patron stops, under a halt',
    ['R-MIL-07', 'Q-24', 'F-03'],
    'zero observed in Iraq over ≈ 20 d; a small floor keeps rogue cells possible (McKenzie), below 1 in 20 days'),
  syriaRogueRate: p(0.02, 0, 1, 'attacks/day', 'Syrian attacks no patron stops, under a full halt',
    ['R-MIL-07', 'Q-24'], 'Q-24 asks for a higher rogue rate in Syria than in Iraq; a fifth of the scaled-back rate'),
  surgeMultiplier: p(1.6, 1, 5, '×', 'Attack-rate multiplier when Iran unleashes its proxies', ['R-IRN-11', 'R-IRN-04'],
    'no surge is documented; 1.6× makes unleashing visible without exceeding twice the observed tempo'),
  truceMultiplier: p(0.35, 0, 1, '×', 'Attack-rate multiplier during a Gaza truce', ['F-05', 'P-03', 'R-IRN-14', 'R-MIL-08'],
    'the size of the November drop is unknown (F-05): attacks fell by about two thirds, an assumption'),
  // ── Casualties ────────────────────────────────────────────────────────────────────────────────
  fatalityPerAttack: p(0.006, 0, 1, 'probability', 'Chance that one attack on US forces kills troops',
    ['F-06', 'P-05', 'R-MIL-10', 'R-SYS-04']),
  deathsWhenFatal: p(3, 1, 20, 'deaths', 'Mean US deaths when an attack is fatal', ['F-06', 'D-16']),
  restrainedLethalityFactor: p(0.3, 0, 1, '×', 'Fatality multiplier for attacks by proxies told to avoid casualties',
    ['R-SYR-01'], 'the order to avoid casualties is documented, its effect size is not: a 70 % cut'),
  injuryPerAttack: p(0.08, 0, 1, 'probability', 'Chance that one attack wounds US personnel', ['Q-05'],
    'no injury counts exist in the sources (Q-05); one attack in twelve wounding someone is a designer choice'),
  injuredWhenInjury: p(2, 1, 50, 'injured', 'Mean number wounded when an attack wounds', ['Q-05'],
    'no counts exist (Q-05); a couple of wounded per damaging attack'),
  // ── Compliance with Iranian directives ────────────────────────────────────────────────────────
  complianceBase: p(0.3, 0, 1, 'probability', 'Chance Iraqi militias accept a halt on Iran\'s word alone',
    ['R-MIL-02', 'F-24'], 'KH and Nujaba refused at first (R-MIL-02): a halt alone rarely sticks'),
  complianceEnvoyBonus: p(0.3, 0, 1, 'probability', 'Added chance when Quds Force envoys press in person',
    ['R-IRN-13', 'T-12'], 'envoys are documented as decisive, not measured; the largest single push'),
  complianceIraqGovBonus: p(0.15, 0, 1, 'probability', 'Added chance when Baghdad presses the militias',
    ['R-MIL-03', 'R-IRQ-01'], 'the PM\'s pressure helped (R-IRQ-01); its weight relative to Iran\'s is unknown'),
  complianceClericBonus: p(0.1, 0, 1, 'probability', 'Added chance when the Najaf clerics press too',
    ['R-IRQ-02', 'R-MIL-03'], 'clerical lobbying is documented without a size; the smallest of the pushes'),
  complianceWarFearBonus: p(0.25, 0, 1, 'probability', 'Added chance at full Iranian fear of war: Tehran takes hands-on control',
    ['R-IRN-04', 'R-IRN-02', 'C-06'], 'Tehran moved from loose guidance to hands-on control once escalation felt close (R-IRN-04); the size is a designer choice'),
  complianceGrievancePenalty: p(0.3, 0, 1, 'probability', 'Chance lost at full grievance',
    ['R-MIL-05', 'D-06'], 'grievance makes halts harder to sell; sources show rhetoric rising, not its effect on compliance'),
  compliancePersistence: p(0.15, 0, 1, 'probability', 'Added chance each time a halt is refused and argued over again',
    ['R-MIL-03', 'F-07'], 'pressure compounds while Iran keeps insisting; full compliance came within about a week'),
  directiveLagMinDays: p(3, 0, 14, 'days', 'Fewest days before a directive reaches militias by message', ['P-08', 'F-07']),
  directiveLagMaxDays: p(7, 0, 21, 'days', 'Most days before a directive reaches militias by message', ['P-08', 'F-07']),
  envoyLagMinDays: p(1, 0, 14, 'days', 'Fewest days before envoys deliver a directive in person', ['F-07', 'R-IRN-13'],
    'envoys went "days after" the claim (F-07); travelling in person is assumed faster than messages'),
  envoyLagMaxDays: p(3, 0, 21, 'days', 'Most days before envoys deliver a directive in person', ['F-07', 'R-IRN-13'],
    'envoys reached Baghdad within days of the deaths (T-11, T-12)'),
  deliberationMinDays: p(1, 0, 14, 'days', 'Fewest days militias argue before deciding on a halt', ['R-MIL-02', 'F-07'],
    'the refusal and the later agreement both fall inside the week after the deaths (T-12)'),
  deliberationMaxDays: p(4, 0, 21, 'days', 'Most days militias argue before deciding on a halt', ['R-MIL-02', 'F-07'],
    'deaths → last attack 7 d (F-07) bounds delivery plus deliberation'),
  // ── Deterrence and grievance (R-SYS-03, R-SYS-05: contested, tunable) ─────────────────────────
  deterrenceHalfLife: p(3, 0.5, 52, 'weeks', 'Half-life of the deterrent effect of US force', ['R-SYS-03', 'Q-12', 'P-09'],
    'the half-life is unknown; the lull held ≥ 13 d (P-09), so a few weeks'),
  deterrenceEffect: p(0.6, 0, 5, 'per unit', 'How strongly deterrence cuts attack rates: rate × e^(−k·deterrence)',
    ['R-SYS-05', 'D-19'], 'sources lean to deterrence when paired with Iranian restraint; a moderate cut at full deterrence (45 %)'),
  provocationEffect: p(0.5, 0, 5, 'per unit', 'How strongly grievance raises attack rates: rate × (1 + k·grievance)',
    ['R-SYS-05', 'D-19', 'R-MIL-05'], 'DoD judged more raids counter-productive once a lull existed; half again at full grievance'),
  grievancePerLeaderKilled: p(0.35, 0, 1, 'grievance', 'Grievance added when a militia leader is killed', ['F-10', 'R-MIL-05'],
    'KH vowed painful retaliation after the strikes (T-18): a large jump, short of the ceiling'),
  grievancePerStrikeWave: p(0.1, 0, 1, 'grievance', 'Grievance added by a wave of strikes on militia sites', ['R-MIL-05', 'D-06'],
    'strikes raise militia anger less than a killed commander'),
  grievanceDecay: p(0.15, 0, 1, 'fraction/week', 'Share of grievance that fades each week', ['R-MIL-05', 'F-08'],
    'no attacks followed the vows for ≥ 10 d (F-08): anger fades without deeds'),
  capabilityLossPerCampaign: p(0.15, 0, 1, 'capability', 'Militia capability lost to a large strike campaign', ['Q-07', 'D-15'],
    'results of the 2 Feb strikes are unknown (Q-06, D-15); a modest loss'),
  capabilityLossPerStrikes: p(0.04, 0, 1, 'capability', 'Militia capability lost to calibrated strikes', ['Q-07'],
    'no damage figures exist (Q-07); a small loss per limited raid'),
  militiaCapabilityFloor: p(0.4, 0, 1, 'capability', 'Least militia capability US strikes can leave', ['R-MIL-07', 'E-01', 'C-07', 'D-18'],
    'no patron, and no bombing, reaches every cell (R-MIL-07, C-07) and Iran rearms the groups (E-01); the record credits the calm to strikes together with Iran\'s order (D-18), never to strikes alone. Like the Houthi floor (R-HOU-04); range 0.2–0.7'),
  capabilityRecovery: p(0.05, 0, 1, 'capability/week', 'Capability militias rebuild each week', ['E-01', 'Q-07'],
    'Iran arms and trains the groups (E-01); recovery speed is unknown'),
  // ── Houthis ───────────────────────────────────────────────────────────────────────────────────
  houthiAttackRate: p(0.55, 0, 10, 'attacks/day', 'Houthi attacks on shipping at full capacity',
    ['F-14', 'F-15', 'P-04', 'R-HOU-02']),
  houthiRafahMultiplier: p(1.5, 1, 5, '×', 'Houthi tempo multiplier after a Rafah assault', ['R-HOU-05', 'R-IRN-12', 'T-30'],
    'the size of the step-up is unstated; mid-Feb spikes ran 1.2–1.7× the average (F-15)'),
  houthiTruceMultiplier: p(0.5, 0, 1, '×', 'Houthi tempo multiplier during a Gaza truce', ['R-HOU-03'],
    'intensity tracks the Gaza war (R-HOU-03); the drop in a truce is not measured'),
  houthiStrikeCapacityLoss: p(0.05, 0, 1, 'capacity', 'Houthi capacity removed by a week of US strikes', ['R-HOU-04', 'R-USA-06'],
    'strikes cut capacity at most, not intent, and have not stopped the attacks: a small loss'),
  houthiInterdictionLoss: p(0.03, 0, 1, 'capacity', 'Houthi capacity removed by a week of interdiction and sanctions',
    ['R-HOU-06', 'O-USA-05'], 'interdiction is documented as an aim with no rate (R-HOU-06)'),
  houthiResupply: p(0.04, 0, 1, 'capacity/week', 'Houthi capacity restored each week by Iranian supply', ['R-HOU-06', 'E-09'],
    'transfer volumes are unknown (Q-16); roughly offsets a week of strikes, matching their persistence'),
  houthiArmingBoost: p(0.1, 0, 1, 'capacity', 'Extra Houthi capacity when Iran steps up arms transfers', ['E-09', 'Q-16'],
    'no transfer volumes exist (Q-16)'),
  // ── Hezbollah ─────────────────────────────────────────────────────────────────────────────────
  hezbollahFireDayChance: p(0.85, 0, 1, 'probability/day', 'Chance of a Hezbollah–Israel exchange on a given day',
    ['F-16', 'R-HZB-01'], 'near-daily fire is documented without counts: about 6 days in 7'),
  hezbollahRestrainedChance: p(0.3, 0, 1, 'probability/day', 'Daily exchange chance when Hezbollah is reined in or in a truce',
    ['R-HZB-04', 'R-SYS-02'], 'the truce dampened fire region-wide (R-SYS-02); the size is unknown'),
  hezbollahIntensifiedChance: p(0.97, 0, 1, 'probability/day', 'Daily exchange chance once Hezbollah steps up',
    ['R-HZB-03', 'R-IRN-12'], 'the size of the step-up is unstated; fire on almost every day'),
  houthiCapacityFloor: p(0.3, 0, 1, 'capacity', 'Least Houthi capacity strikes and interdiction can leave', ['R-HOU-04', 'R-HOU-01'],
    'strikes have not stopped the attacks (R-HOU-04): part of the arsenal is out of reach'),
  // ── US strikes ────────────────────────────────────────────────────────────────────────────────
  calibratedStrikeCount: p(3, 0, 50, 'strikes', 'Mean strikes in a calibrated retaliation', ['P-07', 'F-13'],
    'pre-fatality retaliation was light (F-13) and is not counted anywhere'),
  campaignStrikeCount: p(30, 0, 200, 'strikes', 'Mean strikes in a large campaign', ['F-09', 'P-06', 'D-15']),
  irgcStrikeCount: p(8, 0, 200, 'strikes', 'Mean strikes on IRGC forces outside Iran', ['R-USA-03', 'Q-13'],
    'never taken in the record; a package of the calibrated kind, larger'),
  iranStrikeCount: p(12, 0, 200, 'strikes', 'Mean strikes inside Iran', ['R-USA-03', 'Q-13'],
    'never taken in the record (R-USA-01); sized between calibrated strikes and the 2 Feb campaign'),
  // ── What US actions do to deterrence and to Iran's fear of war ────────────────────────────────
  deterrenceFromWarning: p(0.03, 0, 1, 'deterrence', 'Deterrence added by a public warning', ['R-USA-05', 'R-IRN-09'],
    'words alone are cheap talk (R-IRN-09): barely any effect'),
  deterrenceFromShowOfForce: p(0.08, 0, 1, 'deterrence', 'Deterrence added by a visible show of force', ['R-USA-04', 'R-SYS-03'],
    'options kept ready refresh deterrence a little (R-SYS-03)'),
  deterrenceFromCalibrated: p(0.15, 0, 1, 'deterrence', 'Deterrence added by calibrated strikes', ['P-07', 'F-13', 'R-SYS-05'],
    'light pre-January strikes did not stop the attacks (F-13): a modest effect'),
  deterrenceFromLeadership: p(0.2, 0, 1, 'deterrence', 'Deterrence added by killing a militia leader', ['F-08', 'F-10'],
    'no attack followed the 7 Feb killing for ≥ 10 d (F-08), though the halt was already in force'),
  deterrenceFromCampaign: p(0.5, 0, 1, 'deterrence', 'Deterrence added by a large strike campaign', ['F-09', 'D-18', 'R-SYS-05'],
    'the calm followed the 2 Feb campaign together with Iran\'s own choices (D-18): the largest conventional effect'),
  deterrenceFromDirect: p(0.6, 0, 1, 'deterrence', 'Deterrence added by striking IRGC forces or Iran itself', ['R-USA-03', 'Q-13'],
    'never tried in the record; above a campaign, at the price of war risk'),
  deterrenceDrawdownCost: p(0.05, 0, 1, 'deterrence', 'Deterrence lost by offering a drawdown', ['R-USA-07', 'O-USA-03'],
    'an offer to leave can read as weakness; a small cost'),
  iranWarFearPerRung: p(0.1, 0, 1, 'fear/rung', 'Iranian fear of war added per rung a US action climbs above 5', ['R-IRN-02', 'R-IRN-03'],
    'heavier US action makes war feel closer in Tehran; the scale is a designer choice'),
  // ── Pressures ─────────────────────────────────────────────────────────────────────────────────
  usDomesticPerDeath: p(0.12, 0, 1, 'pressure', 'US domestic pressure added per US death', ['R-USA-02', 'R-SYS-04'],
    'deaths forced a public vow (R-USA-02); the size of the pressure is a designer choice'),
  usDomesticPerWeek: p(0.01, 0, 1, 'pressure/week', 'US domestic pressure added by each week of the Gaza war',
    ['R-USA-10', 'R-SYS-01'], 'criticism grows with the war (R-USA-10, inferred); slow drift'),
  usDomesticDecay: p(0.1, 0, 1, 'fraction/week', 'Share of US domestic pressure that fades each week', ['Q-20'],
    'how criticism feeds decisions is undescribed (Q-20)'),
  iranWarFearPerDeath: p(0.15, 0, 1, 'fear', 'Iranian fear of war added per US death', ['R-IRN-02', 'R-IRN-03']
    , 'Iran read another deadly attack as war (R-IRN-02); the size is a designer choice'),
  iranWarFearDecay: p(0.1, 0, 1, 'fraction/week', 'Share of Iranian war fear that fades each week', ['R-SYS-03'],
    'fear fades like deterrence (R-SYS-03), a little slower'),
  withdrawalPerQuietWeek: p(0.06, 0, 1, 'momentum/week', 'Withdrawal-talk momentum gained in a week with no attack in Iraq',
    ['R-IRN-08', 'R-MIL-06', 'R-IRQ-01'], 'talks have no timeline (Q-19); a quarter-year of calm moves them most of the way'),
  withdrawalPerAttack: p(0.01, 0, 1, 'momentum', 'Withdrawal-talk momentum lost per attack in Iraq', ['R-MIL-06', 'R-IRQ-01'],
    'attacks complicate the talks (R-IRQ-01); the size is unknown'),
  withdrawalPerTalksOffer: p(0.1, 0, 1, 'momentum', 'Momentum added when either side backs the talks', ['R-USA-07', 'R-IRN-08'],
    'the US was openly willing to discuss a partial drawdown (R-USA-07)'),
  axisGainsPerWeek: p(0.02, 0, 1, 'gains/week', 'Growth of what Iran sees as the axis\'s gains each week of the Gaza war',
    ['R-IRN-06', 'F-22'], 'Iran believes the war has earned it sympathy (F-22); the pace is a designer choice'),
  shippingSmoothing: p(0.4, 0, 1, 'weight', 'Weight of the latest week in the shipping-disruption index', ['R-HOU-02', 'A-26'],
    'rerouting costs build and fade over weeks; an exponential average'),
  shippingFullScale: p(7, 1, 50, 'attacks/week', 'Houthi attacks per week that count as full disruption', ['F-15'],
    'a little above the mid-Feb spike rate (≈ 5.3/week)'),
  // ── War risk ──────────────────────────────────────────────────────────────────────────────────
  warShockBase: p(0.0005, 0, 1, 'probability/turn', 'Chance per turn that events slip into regional war at rung ≤ 6',
    ['R-SYS-06', 'R-SYS-08'], 'the equilibrium is fragile (R-SYS-06), never safe, but no war came in 19 weeks (F-19): a residual, most of the risk comes from what the sides do'),
  warHazardPerRung: p(0.01, 0, 1, 'probability/turn', 'Added chance per rung above 6 that a turn ends in regional war',
    ['R-SYS-06', 'R-SYS-01', 'R-IRN-02'], 'miscalculation grows as the ladder climbs; both sides avoided rung 8 in the record'),
  warDurationHazard: p(0.5, 0, 5, '×', 'How much a long Gaza war multiplies war risk, per 19 weeks', ['R-SYS-01', 'F-19'],
    'the longer the war, the harder escalation is to avoid (R-SYS-01); doubling after a war as long as the record'),
  iranAnswersHomelandStrike: p(0.7, 0, 1, 'probability', 'Chance historical Iran answers an overt strike on its soil directly',
    ['Q-15', 'R-IRN-09', 'R-IRN-03'], 'no source says (Q-15); public vows to answer any threat (R-IRN-09) weigh against fear of war (R-IRN-03)'),
  warFromDirectExchange: p(0.35, 0.15, 1, 'probability', 'Chance that a limited direct US–Iran exchange becomes regional war',
    ['Q-15', 'R-USA-09', 'R-IRN-15', 'R-IRN-02'], 'no source says (Q-15): both capitals avoided direct fire and would try to contain it (R-USA-09), yet Iran read another deadly attack as war (R-IRN-02); 1 is the old certain-war rule'),
  warHazardIrgcStrike: p(0.05, 0, 1, 'probability/turn', 'Added chance of regional war in a turn the US strikes IRGC forces',
    ['R-USA-03', 'Q-13', 'R-SYS-06'], 'never done in the record (R-USA-03); a direct blow at Iran\'s forces invites miscalculation, below a strike on its soil'),
  warHazardIranStrike: p(0.1, 0, 1, 'probability/turn', 'Added chance of regional war in a turn the US strikes inside Iran',
    ['R-USA-03', 'Q-15', 'R-IRN-03'], 'never done (R-USA-03); regime safety comes first for Tehran (R-IRN-03), so the highest single-action risk'),
  // ── Deterrence, provocation and the joint calm (R-SYS-05, R-SYS-07) ───────────────────────────
  deterrenceUnderPressure: p(0.5, 0, 1, '×', 'Share of US deterrence that bites on a front Iran is pressing on rather than holding back',
    ['R-SYS-05', 'D-18', 'F-13'], 'the calm came when US force met Iranian restraint (D-18); McKenzie thinks earlier force might have stopped some attacks (F-13), so not zero'),
  lullProvocation: p(2, 1, 4, '×', 'Grievance multiplier for strikes on militias after a week without attacks in Iraq or Jordan',
    ['R-USA-04', 'R-SYS-05', 'D-19'], 'once the lull held, DoD judged more raids counter-productive (R-USA-04); the size is unknown: twice the anger, and no deterrence gained'),
  relapsePerGrievance: p(0.03, 0, 0.3, 'probability', 'Chance per unit of grievance that a strike on militias standing down makes them resume attacks',
    ['R-SYS-07', 'F-08', 'R-MIL-05'], 'either side can unravel the calm (R-SYS-07), but after the 7 Feb killing no attack came for ≥ 10 d (F-08): one strike at the historical grievance (≈ 0.8 here) must rarely do it (≈ 2.5 %, inside the backtest ceiling of F-03/F-04 ceiling); repeated strikes add up'),
  withdrawalPerLeaderKilled: p(0.05, 0, 0.15, 'momentum', 'Momentum of the US-exit talks added when a commander is killed on Iraqi soil',
    ['O-IRQ-02', 'R-IRQ-03', 'F-10'], 'Baghdad wants neither to be a battlefield (O-IRQ-02) nor a full US exit (R-IRQ-03): a small push'),
  // ── US historical policy ──────────────────────────────────────────────────────────────────────
  usStrikeThreshold: p(25, 1, 500, 'attacks', 'Attacks absorbed before the measured US posture strikes back', ['P-07', 'F-13'],
    'retaliation before January was light and slow (F-13): roughly one limited strike every two to three weeks'),
  usLullResumeThreshold: p(2, 1, 100, 'attacks/week', 'Attacks in a week that end the US lull-preservation posture',
    ['R-USA-05', 'R-USA-04'], 'the US reserved a response to resumed attacks; two in a week is more than Syrian harassment'),
  // ── Intelligence (fog of war) ────────────────────────────────────────────────────────────────
  intelAccuracy: p(0.8, 0, 1, 'probability', 'Chance an intelligence assessment of the other side\'s posture is right',
    ['R-IRN-09', 'D-17'], 'Iran\'s public line differed from its private one (R-IRN-09); intelligence sees through it most of the time'),
  intelActiveBonus: p(0.1, 0, 0.3, 'probability', 'Added chance a read is right when its front was active last turn (attacks leave claims, traces, intercepts)',
    ['R-USA-08'], 'no source measures how much activity sharpens a read; the Pentagon did judge Iran\'s intent from what it saw (R-USA-08), so activity helps, by up to a third'),
  intelQuietPenalty: p(0.2, 0, 0.4, 'probability', 'Chance a read is right taken away when its front was quiet last turn (few signals)',
    ['R-IRN-09'], 'on a quiet front only public words remain, and Iran\'s public line is cheap talk (R-IRN-09); the size is unmeasured'),
  intelStrikeBonus: p(0.1, 0, 0.3, 'probability', 'Added chance a US read is right after US strikes on that front (damage assessment, material)',
    ['R-USA-06'], 'strikes on a front bring the US a closer look at it; the gain is unmeasured, at most as large as an active front\'s'),
  // ── Scoring weights (objectives, §6) ──────────────────────────────────────────────────────────
  scoreUsPerDeath: p(4, 0, 100, 'points', 'US score lost per US death', ['O-USA-02'],
    'weights of the objectives are not given; a death costs the most after war'),
  scoreUsPerAttack: p(0.25, 0, 10, 'points', 'US score lost per attack on US forces', ['O-USA-02'],
    'ten weeks of permissive harassment cost about a quarter of the score'),
  scoreWar: p(50, 0, 100, 'points', 'Score either side loses to a regional war', ['O-USA-01', 'O-IRN-02'],
    'both sides ranked avoiding war first (O-USA-01, O-IRN-02)'),
  scoreUsShipping: p(15, 0, 100, 'points', 'US score lost at full average shipping disruption', ['O-USA-05'],
    'the Red Sea is a separate, lesser objective'),
  scoreUsDeterrence: p(10, 0, 100, 'points', 'US score gained at full deterrence at the end', ['O-USA-03'],
    'fresh deterrence at the end is worth something, less than lives'),
  scoreIranBase: p(50, 0, 100, 'points', 'Iran\'s starting score', ['O-IRN-01', 'O-IRN-03'],
    'Iran\'s objectives include gains to win (withdrawal, the axis\'s gains), so it starts mid-scale; the US\'s are losses to avoid'),
  scoreIranHomeland: p(20, 0, 100, 'points', 'Iran score lost if its soil was struck', ['O-IRN-02', 'R-IRN-03'],
    'a strike on Iran hurts Tehran first (R-IRN-03)'),
  scoreIranWithdrawal: p(25, 0, 100, 'points', 'Iran score gained at full withdrawal momentum', ['O-IRN-01'],
    'the US exit is Iran\'s long-held aim (O-IRN-01)'),
  scoreIranGains: p(15, 0, 100, 'points', 'Iran score gained at full axis gains', ['O-IRN-03'],
    'the axis\'s gains are Iran\'s reason for restraint (R-IRN-06)'),
  scoreIranProxyLoss: p(15, 0, 100, 'points', 'Iran score lost for militia capability destroyed', ['O-IRN-05', 'O-MIL-04'],
    'proxies are Iran\'s reach; losing them costs influence'),
  scoreIranLeaderLoss: p(5, 0, 100, 'points', 'Iran score lost per militia leader killed', ['O-MIL-04', 'F-10'],
    'leadership strikes cost the axis commanders'),
  scoreUsIranStruck: p(15, 0, 100, 'points', 'US score lost if it struck inside Iran', ['O-USA-02', 'R-USA-03'],
    'the US aim was to stop the attacks without striking Iran (O-USA-02): a strike on Iran fails it outright, below a death toll'),
  scoreUsEscalation: p(1, 0, 20, 'points/rung', 'US score lost per turn and per rung its action climbs above 6 (campaigns, direct strikes)',
    ['O-USA-04', 'O-USA-07', 'R-IRQ-03', 'R-USA-10'], 'strikes on Iraqi soil strain Baghdad (R-IRQ-03) and criticism at home grows (R-USA-10); their size is unstated (Q-20)'),
  scoreIranPressure: p(10, 0, 100, 'points', 'Iran score gained at full pressure on US forces below the war threshold, before any US death',
    ['R-IRN-11', 'O-IRN-04', 'R-IRN-02'], 'Iran pressed on purpose as part of its fight with Israel (R-IRN-11); after a death tolerance collapsed (R-IRN-02), so later weeks count nothing'),
  iranPressureFullScale: p(10, 1, 100, 'attacks/week', 'Attacks on US forces per week that count as full pressure for Iran', ['P-01', 'F-01', 'R-IRN-11'],
    'the tempo Iran chose under permissive guidance (P-01): pushing harder adds risk, not pressure'),
  scoreIranFronts: p(10, 0, 100, 'points', 'Iran score gained with the Lebanon and Yemen fronts fully active without war', ['O-IRN-04', 'R-IRN-05'],
    'keeping fronts against Israel simmering is an aim of its own (O-IRN-04); below withdrawal and the axis\'s gains'),
  scoreIranPerUsDeath: p(2, 0, 20, 'points', 'Iran score lost per American its partners kill', ['R-IRN-02', 'R-IRN-03', 'R-IRN-06'],
    'Tehran read another deadly attack as war (R-IRN-02), which would waste the axis\'s gains (R-IRN-06)'),
  scoreIranUnanswered: p(5, 0, 100, 'points', 'Iran score lost if a US strike on its soil or forces goes unanswered by Iranian fire', ['R-IRN-09'],
    'Tehran vows in public to answer any threat (R-IRN-09); leaving a strike on its own forces unanswered calls the bluff'),
} as const satisfies Record<string, ParamSpec>;

export type ParamId = keyof typeof PARAM_SPECS;
export type Params = { readonly [K in ParamId]: number };

export const PARAM_IDS = Object.keys(PARAM_SPECS) as ParamId[];

export function isParamId(id: string): id is ParamId {
  return  Object.hasOwn(PARAM_SPECS, id);
}

export function defaultParams(): Params {
  const out = {} as Record<ParamId, number>;
  for (const id of PARAM_IDS) out[id] = PARAM_SPECS[id].value;
  return out;
}

/** Applies overrides; the scenario schema has already range-checked them, this re-checks for API callers. */
export function resolveParams(overrides: Readonly<Partial<Record<string, number>>> = {}): Params {
  const out = defaultParams() as Record<ParamId, number>;
  for (const [id, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (!isParamId(id)) throw new RangeError(`unknown parameter '${id}'`);
    const spec = PARAM_SPECS[id];
    if (!Number.isFinite(value) || value < spec.min || value > spec.max) {
      throw new RangeError(`parameter '${id}' must be between ${spec.min} and ${spec.max}, got ${value}`);
    }
    out[id] = value;
  }
  return out;
}
