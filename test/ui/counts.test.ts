/**
 * The week's counts a player reads: an attack by Iran's own forces is an attack on US forces, so a
 * week in which the IRGC fired never reads "Attacks on US forces 0" (the briefing, the situation pane
 * and the verdict page's last week all print these lines).
 */
import { describe, expect, it } from 'vitest';
import { newGame, step } from '../../src/engine/game.ts';
import { observe } from '../../src/engine/observe.ts';
import { ordersOf } from '../../src/model/portfolio.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { attacksOnUsForces } from '../../src/engine/history.ts';
import { turnLog } from '../../src/analysis/turn-log.ts';
import { lastWeekLines, weekCountLines } from '../../src/analysis/counts.ts';
import { situationInfo } from '../../src/ui/screens/TurnScreen.tsx';
import { renderTurn } from '../helpers/turn-screen.tsx';

const partsOf = (line: string) => [...line.matchAll(/· |: /g)].length;

describe("a week's attacks on US forces", () => {
  for (const side of ['us', 'iran'] as const)
    it(`count Iran's own fire beside the militias', as ${side === 'us' ? 'the US' : 'Iran'} sees it`, () => {
      const s = step(newGame(loadScenario('tower-22'), { seed: 'counts-1' }), ordersOf('us.hold', 'iran.irgc-attack')).state;
      const week = observe(s, side).history.at(-1)!;
      expect(week.iranDirectAttacks).toBe(1);
      const [attacks] = weekCountLines(week);
      const total = Number(/^Attacks on US forces (\d+):/.exec(attacks)![1]);
      const parts = [...attacks.matchAll(/(?:Iraq|Syria|Jordan|Iran's own forces) (\d+)/g)].map((m) => Number(m[1]));
      expect(attacks).toContain("Iran's own forces 1");
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(total).toBe(week.attacksOnUS + 1);
      expect(situationInfo(observe(s, side), 60).join('\n')).toContain(`So far: ${attacksOnUsForces(week)} attacks on US`);
      expect(lastWeekLines(s, side)!.lines).toContain(attacks);
    });

  it('name no Iranian fire in a week without it', () => {
    const s = step(newGame(loadScenario('tower-22'), { seed: 'counts-1' }), ordersOf('us.hold', 'iran.rein-in')).state;
    const [attacks] = weekCountLines(observe(s, 'us').history.at(-1)!);
    expect(attacks).not.toContain('Iran');
    expect(partsOf(attacks)).toBe(3);
  });
});

describe("the week's event line", () => {
  const irgcWeek = step(newGame(loadScenario('tower-22'), { seed: 'counts-1' }), ordersOf('us.hold', 'iran.irgc-attack')).state;
  const total = (countLine: string) => Number(/^Attacks on US forces (\d+):/.exec(countLine)![1]);
  const eventCount = (text: string) => Number(/This week: (\d+) attacks? on US forces/.exec(text)![1]);

  for (const side of ['us', 'iran'] as const)
    it(`counts the attacks on US forces the count line counts, Iran's own fire included, as ${side === 'us' ? 'the US' : 'Iran'} sees it`, () => {
      const week = observe(irgcWeek, side).history.at(-1)!;
      expect(week.iranDirectAttacks).toBe(1);
      const [counts] = weekCountLines(week);
      // The log, with no count line beside its events, counts them in the event line, as the count line does.
      const line = turnLog(irgcWeek, side)
        .at(-1)!
        .events.find((l) => l.startsWith('This week:'))!;
      expect(eventCount(line)).toBe(total(counts));
      expect(line).toContain("Iran's own forces 1");
      // The last week's lines (the verdict page) and the briefing pane print the count line: their event line does not count again.
      expect(lastWeekLines(irgcWeek, side)!.lines).toContain(counts);
      expect(lastWeekLines(irgcWeek, side)!.lines.join('\n')).not.toMatch(/This week: \d+ attacks? on US forces/);
      const frame = renderTurn(irgcWeek, side, { cols: 200, rows: 60 }).lastFrame()!;
      expect(frame).toContain(counts);
      expect(frame).not.toMatch(/This week: \d+ attacks? on US forces/);
    });

  it('counts the militias alone, and names no Iranian fire, in a week without it', () => {
    const s = step(newGame(loadScenario('tower-22'), { seed: 'counts-1' }), ordersOf('us.hold', 'iran.rein-in')).state;
    const week = observe(s, 'us').history.at(-1)!;
    const line = turnLog(s, 'us')
      .at(-1)!
      .events.find((l) => l.startsWith('This week:'))!;
    expect(week.attacksOnUS).toBeGreaterThan(0);
    expect(eventCount(line)).toBe(week.attacksOnUS);
    expect(line).not.toContain('Iran');
  });
});
