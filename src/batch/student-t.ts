/**
 * Student's t distribution: its distribution function and its quantile, for the 95 % intervals of means
 * (`brink compare`'s paired differences, `brink sweep`'s means). With few games the normal z = 1.96 is
 * too narrow: a mean over 16 paired games needs t = 2.131, over 30 games 2.045; the two meet as games
 * grow (1000 games: 1.962).
 *
 * Deterministic and dependency-free: the distribution function is the regularized incomplete beta
 * function, P(T > t) = I_x(ν/2, 1/2) / 2 with x = ν / (ν + t²), evaluated by its continued fraction
 * (Lentz's method); the quantile inverts it by Newton's method inside a bisection bracket (within about
 * 1e-14 relative up to 10,000 degrees of freedom, 1e-11 at a million). Pure arithmetic, so the same
 * inputs give the same digits on every run.
 */
import { betaContinuedFraction as betaCf, logGamma } from '../model/priors.ts';

/**
 * ln(Γ(a + 1/2) / Γ(a)). For large a the two log-gammas are huge and nearly equal, so their difference
 * loses digits; there the asymptotic series ½ ln a − 1/(8a) + 1/(192a³) − 1/(640a⁵) + 17/(14336a⁷)
 * is used instead (what it leaves out is below 1e-16 at a ≥ 30).
 */
function logGammaHalfRatio(a: number): number {
  if (a < 30) return logGamma(a + 0.5) - logGamma(a);
  const x = 1 / a;
  const x2 = x * x;
  return 0.5 * Math.log(a) - x / 8 + (x * x2) / 192 - (x * x2 * x2) / 640 + (17 * x * x2 * x2 * x2) / 14336;
}

/** ln B(a, 1/2) = ln Γ(a) + ln Γ(1/2) − ln Γ(a + 1/2). */
function logBetaHalf(a: number): number {
  return 0.5 * Math.log(Math.PI) - logGammaHalfRatio(a);
}

/** The continued fraction of I_x(a, b) (Lentz's method), shared with the priors, to their precision and beyond. */
const betaContinuedFraction = (x: number, a: number, b: number) => betaCf(x, a, b, 100_000, 1e-15);

/**
 * P(T > t) for t ≥ 0: ½ I_x(ν/2, ½) with x = ν/(ν + t²), or ½ (1 − I_y(½, ν/2)) with y = t²/(ν + t²)
 * = 1 − x; y is computed directly (not as 1 − x), so small t keeps its digits.
 */
function upperTail(t: number, df: number): number {
  if (t === 0) return 0.5;
  if (!Number.isFinite(t)) return 0;
  const a = df / 2;
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  // ln of x^a y^½ / B(a, ½), with ln x = ln(1 − y) taken by log1p when x is near 1.
  const lnX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const front = Math.exp(a * lnX + 0.5 * Math.log(y) - logBetaHalf(a));
  if (x < (a + 1) / (a + 2.5)) return (0.5 * front * betaContinuedFraction(x, a, 0.5)) / a;
  return 0.5 * (1 - (front * betaContinuedFraction(y, 0.5, a)) / 0.5);
}

function checkDf(df: number): void {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`Student t needs degrees of freedom > 0 and finite, got ${df}`);
}

/** The distribution function P(T ≤ t) of Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return Number.NaN;
  return t >= 0 ? 1 - upperTail(t, df) : upperTail(-t, df);
}

/** The density of Student's t with `df` degrees of freedom. */
export function tPdf(t: number, df: number): number {
  checkDf(df);
  const a = df / 2;
  // Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) = 1 / (√ν B(ν/2, ½)).
  return Math.exp(-0.5 * Math.log(df) - logBetaHalf(a) - (a + 0.5) * Math.log1p((t * t) / df));
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom: the t with P(T ≤ t) = p. Exact closed
 * forms for 1 and 2 degrees of freedom; otherwise Newton's method on the upper tail, kept inside a
 * bracket that bisection shrinks whenever a Newton step would leave it.
 */
export function tQuantile(p: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(p) || p < 0 || p > 1) throw new RangeError(`a quantile needs 0 ≤ p ≤ 1, got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  // Solve for t > 0 with P(T > t) = q; the lower half by symmetry.
  const sign = p > 0.5 ? 1 : -1;
  const q = p > 0.5 ? 1 - p : p;
  if (df === 1) return sign * (1 / Math.tan(Math.PI * q));
  if (df === 2) return sign * ((1 - 2 * q) / Math.sqrt(2 * q * (1 - q)));
  let lo = 0;
  let hi = 1;
  while (upperTail(hi, df) > q) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return sign * Number.POSITIVE_INFINITY;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 400; i++) {
    const f = upperTail(t, df) - q;
    if (f === 0) break;
    if (f > 0) lo = t;
    else hi = t;
    // d/dt P(T > t) = −density(t).
    const step = f / tPdf(t, df);
    let next = t + step;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, t) || hi - lo <= 1e-15 * Math.max(1, t)) {
      t = next;
      break;
    }
    t = next;
  }
  return sign * t;
}

/** t for a two-sided 95 % interval of a mean over n values: the 0.975 quantile with n − 1 degrees of freedom. */
export function t95(n: number): number {
  return tQuantile(0.975, n - 1);
}
