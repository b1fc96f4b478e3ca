// Preloaded by the bench (`node --import ./bench/usage.mjs bin/brink …`): when the process exits, writes
// its CPU time (user + system, all threads) and peak RSS to the file named by BRINK_BENCH_USAGE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  if (process.env.BRINK_BENCH_USAGE) {
    writeFileSync(
      process.env.BRINK_BENCH_USAGE,
      JSON.stringify({ cpuSec: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRssMB: u.maxRSS / 1024 }),
    );
  }
});
