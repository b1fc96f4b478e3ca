/**
 * The terminal game tells a player's week by the orders given, never by the US and Iran machines'
 * moves where a person or a bot other than the historical one gave them (analysis/render.ts OffRecord);
 * the situation pane labels the player's posture as the record's reading of it.
 */
import { describe, expect, it } from 'vitest';
import { renderEvent } from '../../src/analysis/render.ts';
import { logOf } from '../../src/engine/history.ts';
import { observe } from '../../src/engine/observe.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { renderApp } from '../helpers/app.tsx';
import { press, resize } from '../helpers/ink.ts';
import { scripted } from '../helpers/scripted.ts';

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('a player against the Hawk bot, as Iran', () => {
  const redSea = loadScenario('red-sea');
  // Red-sea, seed 1: the player's IRGC fire has the US machine "weigh a direct answer"; the next week the
  // Hawk orders a large campaign, and the machine "steps back to protect what calm is left" and "sees
  // attacks resume" as the Gaza truce lets Iran's machine "let its partners slow their tempo" beside the player's
  // "Keep up the pressure".
  const state = scripted('red-sea', '1', [{ iran: 'iran.irgc-attack' }, { iran: 'iran.hold-course' }], 'hawk');
  const setup = { scenario: redSea, side: 'iran' as const, opponent: 'hawk', seed: '1' };
  const lastWeek = logOf(state)
    .filter((e) => e.turn === 1 && e.kind === 'posture' && (e.actor === 'us' || e.actor === 'iran'))
    .map(renderEvent);

  it('briefs the last week without either machine, with the strikes the Hawk ordered', async () => {
    expect(lastWeek).toEqual(
      expect.arrayContaining([
        'The United States steps back to protect what calm is left',
        'Iran lets its partners slow their tempo for the Gaza truce',
      ]),
    );
    expect(state.history[1]!.actions.us.force).toBe('us.major-campaign');
    const view = renderApp({ scenarios: [redSea], preset: {}, resume: { setup, state } });
    resize(view, 120, 60);
    const frame = flat(view.lastFrame()!);
    expect(frame).toContain('Large strike campaign');
    expect(frame).toContain('The US carries out 30 strikes (Large strike campaign)');
    for (const line of lastWeek) expect(frame, line).not.toContain(line);
    // The log (5) tells the same.
    await press(view.stdin, '5');
    const log = flat(view.lastFrame()!);
    expect(log).toContain('Iran (you): Keep up the pressure');
    for (const line of lastWeek) expect(log, line).not.toContain(line);
    view.unmount();
  });

  it("labels the player's posture as the record's reading", async () => {
    const view = renderApp({ scenarios: [redSea], preset: {}, resume: { setup, state } });
    resize(view, 120, 60);
    await press(view.stdin, '2');
    const frame = flat(view.lastFrame()!);
    expect(frame).toContain(`Record's read: ${observe(state, 'iran').posture.meta.label}`);
    expect(frame).not.toContain('Your posture');
    view.unmount();
  });
});
