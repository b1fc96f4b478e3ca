/** The terminal's size, following resizes (Ink re-renders on the stdout 'resize' event). */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface Dimensions {
  readonly cols: number;
  readonly rows: number;
}

export function useDimensions(): Dimensions {
  const { stdout } = useStdout();
  const read = (): Dimensions => ({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
