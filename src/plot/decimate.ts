/**
 * Index set that thins a long series to about `maxPoints` points while keeping its envelope.
 *
 * The series is cut into ⌊(maxPoints − 2) / 2⌋ buckets of consecutive points; each bucket keeps the
 * index of its smallest and of its largest y (in x order), and the first and last points are always
 * kept. Unlike taking every k-th point, loss spikes survive, so a 10 000-iteration loss curve
 * drawn from 2 000 points looks the same as the full one.
 * Non-finite y values are kept as they are (the caller decides whether to drop them).
 *
 * Shapes: y (n) → indices (m), m ≤ max(maxPoints, 4), strictly increasing.
 * @example
 * decimateMinMax([0, 5, 1, 1, 1, 9, 0, 0], 6); // → [0, 1, 5, 6, 7]
 */
export function decimateMinMax(y: ArrayLike<number>, maxPoints: number): number[] {
  const n = y.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const kept = new Set<number>([0, n - 1]);
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      // `<` and `>` skip NaN, so a NaN never displaces a real extreme.
      if (y[i]! < y[lo]! || Number.isNaN(y[lo]!)) lo = i;
      if (y[i]! > y[hi]! || Number.isNaN(y[hi]!)) hi = i;
    }
    kept.add(lo).add(hi);
  }
  return [...kept].sort((a, b) => a - b);
}
