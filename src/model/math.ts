/** Small numeric helpers shared by the model and the engine. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1);
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : Math.min(x, hi);
}
