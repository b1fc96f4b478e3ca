/**
 * The turn screen as the UI tests render it: a game state seen by one side, with the callbacks a test does
 * not watch left empty. One place, so that a prop the screen gains is added once for every test.
 */
import type { GameState } from '../../src/engine/state.ts';
import type { Side } from '../../src/model/actions.ts';
import type { Portfolio } from '../../src/model/portfolio.ts';
import { TurnScreen } from '../../src/ui/screens/TurnScreen.tsx';
import { render } from './ink.ts';

const noop = () => {};

export interface TurnScreenOptions {
  readonly versus?: string;
  readonly briefing?: string;
  readonly cols?: number;
  readonly rows?: number;
  readonly onChoose?: (order: Portfolio) => void;
}

export function renderTurn(
  state: GameState,
  side: Side,
  { versus = 'bot', briefing = '', cols = 80, rows = 24, onChoose = noop }: TurnScreenOptions = {},
): ReturnType<typeof render> {
  return render(
    <TurnScreen
      state={state}
      side={side}
      versus={versus}
      briefing={briefing}
      cols={cols}
      rows={rows}
      onChoose={onChoose}
      onSave={noop}
      onHelp={noop}
      onQuit={noop}
    />,
  );
}
