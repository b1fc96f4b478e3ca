/**
 * The set-up screen as the UI tests render it: 80×24, seed "1", with the callbacks a test does not watch
 * left empty. One place, so that a prop the screen gains is added once for every test.
 */
import { SetupScreen, type SetupProps } from '../../src/ui/screens/SetupScreen.tsx';
import { render } from './ink.ts';

const noop = () => {};

export function renderSetup(props: Pick<SetupProps, 'scenarios' | 'preset'> & Partial<SetupProps>): ReturnType<typeof render> {
  return render(<SetupScreen defaultSeed="1" cols={80} rows={24} onDone={noop} onQuit={noop} onHelp={noop} {...props} />);
}
