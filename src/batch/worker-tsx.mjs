// Worker-thread entry used only when the batch layer runs from its TypeScript sources (vitest, or
// `node --import tsx src/cli/bin.ts`): a worker thread does not inherit vitest's transform, so it
// registers tsx (a dev dependency) before importing the TypeScript worker. The compiled build starts
// dist/batch/worker.js directly and never loads tsx.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
