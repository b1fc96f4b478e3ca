/** `--uncertainty none|prior|posterior` and `--posterior FILE`, shared by batch, compare, report, explain and backtest. */
import type { Command } from 'commander';
import { loadPosterior, PosteriorFileError, SHIPPED_POSTERIOR } from '../analysis/calibration/posterior-file.ts';
import {
  NO_UNCERTAINTY,
  posteriorDistribution,
  priorDistribution,
  UNCERTAINTY_MODES,
  type ParamDistribution,
} from '../analysis/uncertainty/distribution.ts';
import { UsageError } from './errors.ts';

export interface UncertaintyFlags {
  uncertainty?: string;
  posterior?: string;
}

/**
 * `fallback` is the mode when the flag is absent; null leaves the option unset, for a command where the
 * flag clashes with another (report's --from) and an absent flag must stay absent (parseUncertainty then
 * reads it as none).
 */
export function addUncertaintyOptions(cmd: Command, fallback: (typeof UNCERTAINTY_MODES)[number] | null = 'none'): Command {
  const says = `${fallback === null ? 'none (default)' : 'none'}: parameters at their point values (bands are dice only); prior or posterior: each game draws its parameters (bands are dice plus what we do not know)`;
  return (fallback === null ? cmd.option('--uncertainty <mode>', says) : cmd.option('--uncertainty <mode>', says, fallback)).option(
    '--posterior <file>',
    'posterior file for --uncertainty posterior (default: the shipped calibration/posterior.json)',
  );
}

export function parseUncertainty(flags: UncertaintyFlags): ParamDistribution {
  const mode = flags.uncertainty ?? 'none';
  if (!(UNCERTAINTY_MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`--uncertainty must be one of ${UNCERTAINTY_MODES.join(', ')}, got '${mode}'`);
  }
  if (flags.posterior !== undefined && mode !== 'posterior') throw new UsageError('--posterior needs --uncertainty posterior');
  if (mode === 'none') return NO_UNCERTAINTY;
  if (mode === 'prior') return priorDistribution();
  try {
    return posteriorDistribution(loadPosterior(flags.posterior ?? SHIPPED_POSTERIOR));
  } catch (err) {
    if (err instanceof PosteriorFileError) throw new UsageError(`--posterior: ${err.message}`, false);
    throw err;
  }
}
