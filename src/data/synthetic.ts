import type { DType, Tensor } from '../tensor/tensor.js';
import { zeros } from '../tensor/creation.js';
import type { Rng } from '../tensor/rng.js';

/** Options of gaussianBlobs. */
export interface GaussianBlobsOptions {
  /** Number of classes C (default 3). */
  classes?: number;
  /** Samples per class (default 100). */
  perClass?: number;
  /** Dimensions D of each sample (default 2, so the set can be plotted). */
  dims?: number;
  /** Standard deviation σ of each blob around its centre (default 0.5). */
  spread?: number;
  /** Distance r of the centres from the origin (default 2). */
  radius?: number;
  /** float64 (default) or float32. */
  dtype?: DType;
  /** The only source of randomness: the same seed gives the same set. */
  rng: Rng;
}

/** A labelled synthetic set. */
export interface SyntheticSet {
  /** Samples, one per row, in shuffled order. Shapes: (C·perClass, D). */
  readonly x: Tensor;
  /** Class index of each row. Shapes: (C·perClass). */
  readonly t: Int32Array;
  /** The blob centres. Shapes: (C, D). */
  readonly centers: Tensor;
}

/**
 * Gaussian blobs: C clusters of labelled points for fast, deterministic classifier tests.
 *   x = μₜ + σ·z,  z ~ N(0, I),  rows shuffled so any prefix mixes the classes.
 * Centres μₖ lie on a circle of radius r in the first two dimensions at angles 2πk/C (zero in the
 * others); with D = 1 they sit on a line, 2r apart. Neighbouring centres are 2r·sin(π/C) apart.
 * Shapes: → x (C·perClass, D), t (C·perClass), centers (C, D).
 * Book: none (the book trains on MNIST only); the analogue of sklearn's make_blobs.
 * @example
 * const { x, t } = gaussianBlobs({ classes: 3, perClass: 100, rng: createRng(0) });
 * x.shape; // → [300, 2]
 * t[0];      // 0, 1 or 2
 */
export function gaussianBlobs(options: GaussianBlobsOptions): SyntheticSet {
  const {
    classes = 3,
    perClass = 100,
    dims = 2,
    spread = 0.5,
    radius = 2,
    dtype = 'float64',
    rng,
  } = options;
  if (typeof rng?.normal !== 'function') {
    throw new RangeError(
      `gaussianBlobs: rng must be a generator from createRng(seed), got ${String(rng)}`,
    );
  }
  for (const [name, v] of [
    ['classes', classes],
    ['perClass', perClass],
    ['dims', dims],
  ] as const) {
    if (!Number.isInteger(v) || v < 1)
      throw new RangeError(`gaussianBlobs: ${name} must be a positive integer, got ${String(v)}`);
  }
  for (const [name, v] of [
    ['spread', spread],
    ['radius', radius],
  ] as const) {
    if (!(Number.isFinite(v) && v >= 0))
      throw new RangeError(`gaussianBlobs: ${name} must be a finite number ≥ 0, got ${String(v)}`);
  }
  const centers = zeros([classes, dims], { dtype });
  const c = centers.data;
  for (let k = 0; k < classes; k++) {
    if (dims === 1) {
      c[k] = 2 * radius * (k - (classes - 1) / 2);
    } else {
      c[k * dims] = radius * Math.cos((2 * Math.PI * k) / classes);
      c[k * dims + 1] = radius * Math.sin((2 * Math.PI * k) / classes);
    }
  }
  const n = classes * perClass;
  const order = rng.permutation(n);
  const x = zeros([n, dims], { dtype });
  const t = new Int32Array(n);
  const xd = x.data;
  for (let i = 0; i < n; i++) {
    const label = order[i] % classes;
    t[i] = label;
    for (let j = 0; j < dims; j++) xd[i * dims + j] = c[label * dims + j] + spread * rng.normal();
  }
  return { x, t, centers };
}
