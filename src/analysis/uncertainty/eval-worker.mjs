// Worker-thread entry: worker threads do not inherit the CLI's TypeScript loader, so each registers
// tsx itself before importing the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('./eval-worker.ts');
