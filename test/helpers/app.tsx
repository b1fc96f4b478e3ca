/**
 * The whole app as the UI tests render it: seed "1" by default and a save that reports nothing, unless a
 * test watches them. One place, so that a prop the app gains is added once for every test.
 */
import { App, type AppProps } from '../../src/ui/App.tsx';
import { render } from './ink.ts';

export function renderApp(props: Pick<AppProps, 'scenarios' | 'preset'> & Partial<AppProps>): ReturnType<typeof render> {
  return render(<App defaultSeed="1" onSave={() => ({ ok: false, message: '' })} {...props} />);
}
