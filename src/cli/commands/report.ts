/**
 * `brink report --out report.html`: the classroom report, from a brink.batch/1 file (`--from`) or by
 * playing the games here (`--scenario --runs --seed`), optionally with a brink.compare/1 file.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { BatchSchema, CompareSchema, runInProcess, type Batch, type Compare } from '../../report/batch.ts';
import { renderReport } from '../../report/html.ts';
import { loadScenario } from '../../scenario/loader.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { UsageError } from '../errors.ts';
import { addCommand } from '../main.ts';
import { parsePolicy, parsePositiveInt, parseSeed, scenarioFrom } from '../options.ts';

function readJson<T>(flag: string, file: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${flag}: cannot read '${file}': ${(err as NodeJS.ErrnoException).code ?? String(err)}`, false);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${flag}: '${file}' is not JSON: ${(err as Error).message}`, false);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${flag}: '${file}' ${issue.path.length ? `at ${issue.path.join('.')}` : ''}: ${issue.message}`, false);
  }
  return parsed.data;
}

/** Temp file beside the target, then rename: a crash never leaves half a report where a good one was. */
function writeAtomic(path: string, data: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

interface ReportOpts {
  from?: string; compare?: string; scenario?: string; runs: string; seed: string; usPolicy: string; iranPolicy: string; out?: string;
}

addCommand((program, io) => {
  program
    .command('report')
    .description('write a self-contained HTML classroom report (charts as inline SVG, no scripts, no network)')
    .option('--from <file.json>', 'a brink.batch/1 file (from brink batch --json)')
    .option('--compare <file.json>', 'a brink.compare/1 file: adds the compare deltas')
    .option('--scenario <id|path>', 'play the games here instead of --from', 'october-2023')
    .option('--runs <n>', 'games to play when not using --from', '200')
    .option('--seed <seed>', 'seed for the games', '1')
    .option('--us-policy <policy>', 'bot for the US', 'historical')
    .option('--iran-policy <policy>', 'bot for Iran', 'historical')
    .option('--out <file.html>', 'where to write the report')
    .action((opts: ReportOpts) => {
      if (!opts.out) throw new UsageError('--out <file.html> is required');
      let batch: Batch;
      let scenario: Scenario | undefined;
      if (opts.from) {
        batch = readJson('--from', opts.from, BatchSchema);
        try {
          scenario = loadScenario(batch.scenario.id);
        } catch {
          scenario = undefined; // a custom scenario file: the report still renders, without its title and injects
        }
      } else {
        scenario = scenarioFrom(opts.scenario ?? 'october-2023');
        const runs = parsePositiveInt('--runs', opts.runs, { max: 100_000 });
        batch = runInProcess(scenario, {
          runs, seed: parseSeed(opts.seed), us: parsePolicy('--us-policy', opts.usPolicy, 'us'), iran: parsePolicy('--iran-policy', opts.iranPolicy, 'iran'),
        });
      }
      const compare: Compare | undefined = opts.compare ? readJson('--compare', opts.compare, CompareSchema) : undefined;
      const html = renderReport({ batch, ...(scenario ? { scenario } : {}), ...(compare ? { compare } : {}) });
      try {
        writeAtomic(opts.out, html);
      } catch (err) {
        throw new UsageError(`--out: cannot write '${opts.out}': ${(err as NodeJS.ErrnoException).code ?? String(err)}`, false);
      }
      io.out(`wrote ${opts.out} (${batch.runs} games of ${batch.scenario.id}, ${Math.round(html.length / 1024)} KB)`);
    });
});
