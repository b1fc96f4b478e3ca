// V8's flags for every Brink process (bin/brink, bin/brink-bench, bin/brink-strategy), set before any
// of the program runs: each imports this module first.
import { setFlagsFromString } from 'node:v8';

// V8's inlining cap, set here before any code runs, never later: each batch worker is a fresh isolate
// that compiles the engine's hot functions on its own, and inlining only helpers of up to 120 bytes of
// bytecode (460 by default) made that much cheaper (callgrind, one thread playing october-2023: 300
// games 4.07 → 3.56 G instructions, 1,500 games 6.55 → 5.87 G). Speed only; results never change.
// It used to be set when the first worker started, and changing it while TurboFan was compiling on its
// background thread aborted node 20 ("Check failed: inlineability == kHasOptimizationDisabled") in about
// a third of `brink batch --resume` runs, whose main thread is busy reading the games back by then.
// V8's flags are process-wide, so the workers inherit it; it is also correct under `node bin/brink`,
// where the shebang's flags are not read.
setFlagsFromString('--max-inlined-bytecode-size=120');
