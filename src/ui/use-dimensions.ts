/** The terminal's size, following resizes (Ink re-renders on the stdout 'resize' event). */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface Dimensions {
  readonly cols: number;
  readonly rows: number;
}

function measure(stdout: NodeJS.WriteStream): Dimensions {
  return { cols: stdout.columns || 80, rows: stdout.rows || 24 };
}

export function useDimensions(): Dimensions {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => measure(stdout));
  useEffect(() => {
    const onResize = () => setSize(measure(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
