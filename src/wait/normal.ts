/** The standard normal distribution, for the history's model of run durations. */

/** The hazard φ(z) / (1 − Φ(z)) of a standard normal, with the tail's asymptote where Φ runs out of digits. */
export function normalHazard(z: number): number {
  if (z > 5) return 1 / (1 / z - 1 / z ** 3);
  const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  return density / (1 - normalCdf(z));
}

/** Φ(z), from the error function approximation of Abramowitz and Stegun 7.1.26 (error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
