/**
 * What Brink is and is not, and the assumptions that move its results most: one text, shown in the
 * HTML report, in `brink --help` and (at length) in docs/limitations.md, so the three never disagree
 * about what a class may conclude. Each assumption names the parameters and the open questions
 * (DOMAIN.md Q-) behind it, so a reader can go straight to `brink explain ID`.
 */

export interface KeyAssumption {
  readonly title: string;
  /** Why it matters, in a sentence or two. */
  readonly why: string;
  /** Parameter names and DOMAIN.md IDs to look up with `brink explain`. */
  readonly ids: readonly string[];
}

export const WHAT_IT_IS =
  'Brink is a model of what four news reports from February 2024 say about the US–Iran–proxy crisis of ' +
  'October 2023 to February 2024: who did what, under which pressures, and how often. Every number cites a fact from those ' +
  'reports or is marked as an assumption.';

export const WHAT_IT_IS_NOT =
  'It is not a forecast and not an intelligence estimate. Its probabilities say how often something ' +
  'happens in the model, given the reports and the assumptions below; they are not the odds of anything in the world. It knows ' +
  'nothing after late February 2024, nothing the four reports leave out, and it cannot tell that a report was wrong.';

export const KEY_ASSUMPTIONS: readonly KeyAssumption[] = [
  {
    title: 'How often an attack kills',
    why:
      'The reports describe one fatal attack among some 170. A rate read from a single event is very uncertain, and it sets ' +
      'the chance of US deaths, which in turn sets how hard the US hits back.',
    ids: ['fatalityPerAttack', 'Q-03', 'Q-04'],
  },
  {
    title: 'How far Iran controls its proxies',
    why:
      'The reports say the militias resisted a halt and then gave in, but not how likely that was. The compliance chances ' +
      'decide how fast a halt takes and whether it holds.',
    ids: ['complianceBase', 'complianceEnvoyBonus', 'Q-14'],
  },
  {
    title: 'How long deterrence lasts, and how much punishment provokes',
    why:
      'No report measures either. A longer half-life makes US strikes look more effective; a stronger provocation effect ' +
      'makes them look counter-productive.',
    ids: ['deterrenceHalfLife', 'deterrenceEffect', 'provocationEffect', 'Q-12'],
  },
  {
    title: 'The chance of a regional war',
    why:
      'No war came, and no report puts a probability on one. The war hazard is a judgement from start to finish: read the ' +
      'regional-war figures as "what this judgement implies", never as a risk estimate.',
    ids: ['warShockBase', 'warHazardPerRung', 'warDurationHazard', 'Q-21'],
  },
  {
    title: 'Red lines nobody stated',
    why:
      'When the US would strike Iran itself, and how Iran would answer a strike on its soil, are unknown; the model fills ' +
      'both gaps with a guess.',
    ids: ['usStrikeThreshold', 'iranAnswersHomelandStrike', 'Q-13', 'Q-15'],
  },
  {
    title: 'What is left out',
    why:
      "Domestic politics beyond a pressure gauge, Israel's own decisions, the Gulf states, oil, and any actor the reports " +
      'only mention in passing.',
    ids: ['Q-18', 'Q-20', 'Q-22'],
  },
];

/** For `brink --help`: a few lines, each under 100 columns. */
export function limitationsHelp(): string {
  return [
    '',
    'What Brink is and is not:',
    '  A model of what four news reports (Feb 2024) say about the crisis of Oct 2023 - Feb 2024.',
    '  Not a forecast: its probabilities are frequencies in the model, not odds in the world.',
    '  Assumptions that matter most: how often an attack kills (one fatal attack in ~170), how',
    '  far Iran controls its proxies, how long deterrence lasts, the regional-war hazard (pure',
    '  judgement), and unstated red lines. See docs/limitations.md and brink explain --assumptions.',
  ].join('\n');
}
