import type { DType, FloatArray } from '../backend/backend.js';
import { getBackend } from '../backend/registry.js';
import type { Rng } from './rng.js';
import { fmtShape, shapeSize, Tensor, type NestedArray } from './tensor.js';

/**
 * Options of the tensor constructors. float64 is the default, as in NumPy.
 * @example zeros([2], { dtype: 'float32' }).dtype; // → 'float32'
 */
export interface DTypeOptions {
  dtype?: DType;
}

/**
 * A zero-filled tensor on the active backend. Shapes: → shape.
 * Book: np.zeros.
 * @example zeros([2, 3]).toArray(); // → [[0, 0, 0], [0, 0, 0]]
 */
export function zeros(shape: readonly number[], options: DTypeOptions = {}): Tensor {
  const dtype = options.dtype ?? 'float64';
  checkDType(dtype);
  return new Tensor(getBackend().alloc(dtype, shapeSize(shape)), shape);
}

/**
 * A tensor with every element equal to `value`. Shapes: → shape.
 * @example full([2], 7).toArray(); // → [7, 7]
 */
export function full(shape: readonly number[], value: number, options: DTypeOptions = {}): Tensor {
  const t = zeros(shape, options);
  t.data.fill(value);
  return t;
}

/**
 * A tensor of ones. Shapes: → shape. Book: np.ones.
 * @example ones([1, 2]).toArray(); // → [[1, 1]]
 */
export function ones(shape: readonly number[], options: DTypeOptions = {}): Tensor {
  return full(shape, 1, options);
}

/**
 * Zeros with the shape and dtype of `t`. Shapes: t → same. Book: np.zeros_like.
 * @example zerosLike(tensor([[1, 2]])).toArray(); // → [[0, 0]]
 */
export function zerosLike(t: Tensor): Tensor {
  return zeros(t.shape, { dtype: t.dtype });
}

/**
 * A copy of `t` in new storage (writes to one do not reach the other). Shapes: t → same.
 * @example clone(tensor([1, 2])).toArray(); // → [1, 2]
 */
export function clone(t: Tensor): Tensor {
  const out = zeros(t.shape, { dtype: t.dtype });
  getBackend().copy(t.storage, out.storage);
  return out;
}

/**
 * Samples of N(mean, std²) from a seeded generator: xᵢ = mean + std·zᵢ, zᵢ ~ N(0, 1).
 * Shapes: → shape. Book: `std * np.random.randn(…)` (weight_init_std · randn).
 * @example randn([2, 3], createRng(0), { std: 0.01 }).shape  // [2, 3], the same numbers for seed 0 every run
 */
export function randn(
  shape: readonly number[],
  rng: Rng,
  options: DTypeOptions & { std?: number; mean?: number } = {},
): Tensor {
  const std = options.std ?? 1;
  const mean = options.mean ?? 0;
  if (!(Number.isFinite(std) && std >= 0)) {
    throw new RangeError(`randn: std must be a finite number ≥ 0, got ${String(std)}`);
  }
  if (!Number.isFinite(mean))
    throw new RangeError(`randn: mean must be a finite number, got ${String(mean)}`);
  const t = zeros(shape, options);
  const d = t.data;
  for (let i = 0; i < d.length; i++) d[i] = mean + std * rng.normal();
  return t;
}

/**
 * Samples of U[low, high) from a seeded generator: xᵢ = low + (high − low)·uᵢ, uᵢ ~ U[0, 1).
 * Shapes: → shape. Book: np.random.rand.
 * @example rand([3], createRng(0), { low: -1, high: 1 }).shape  // [3], each in [−1, 1)
 */
export function rand(
  shape: readonly number[],
  rng: Rng,
  options: DTypeOptions & { low?: number; high?: number } = {},
): Tensor {
  const low = options.low ?? 0;
  const high = options.high ?? 1;
  if (!(Number.isFinite(low) && Number.isFinite(high) && low <= high)) {
    throw new RangeError(
      `rand: expected finite bounds with low ≤ high, got low ${String(low)}, high ${String(high)}`,
    );
  }
  const t = zeros(shape, options);
  const d = t.data;
  for (let i = 0; i < d.length; i++) d[i] = low + (high - low) * rng.next();
  return t;
}

/**
 * A tensor holding a copy of `values` in row-major order with the given shape (default 1-D).
 * Shapes: values (n) → shape, with n = the product of shape.
 * @example fromArray([1, 2, 3, 4], [2, 2]).toArray(); // → [[1, 2], [3, 4]]
 */
export function fromArray(
  values: ArrayLike<number>,
  shape: readonly number[] = [values.length],
  options: DTypeOptions = {},
): Tensor {
  if (shapeSize(shape) !== values.length) {
    throw new RangeError(
      `fromArray: shape ${fmtShape(shape)} holds ${shapeSize(shape)} numbers, got ${values.length} values`,
    );
  }
  const t = zeros(shape, options);
  (t.data as FloatArray).set(values);
  return t;
}

/**
 * A tensor from nested arrays, e.g. tensor([[1, 2], [3, 4]]). Rows must be rectangular and every
 * entry a number (a bare number gives a 0-d tensor). A Tensor argument is returned as is, or
 * converted when another dtype is asked for.
 * Shapes: nested arrays of depth d → d dimensions. Book: np.array.
 * @example tensor([[0.6, 0.9]]).shape; // → [1, 2]
 */
export function tensor(values: NestedArray | Tensor, options: DTypeOptions = {}): Tensor {
  if (values instanceof Tensor) {
    if (options.dtype === undefined || options.dtype === values.dtype) return values;
    return fromArray(values.data, values.shape, options);
  }
  const shape: number[] = [];
  let probe: NestedArray = values;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  const flat = new Array<number>(shapeSize(shape));
  let k = 0;
  const walk = (v: NestedArray, dim: number, path: string): void => {
    if (dim === shape.length) {
      if (typeof v !== 'number')
        throw new TypeError(
          `tensor: expected a number at ${path || 'the top'}, got ${describe(v)}`,
        );
      flat[k++] = v;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[dim]) {
      throw new TypeError(
        `tensor: ragged nested array at ${path || 'the top'}: expected an array of length ${shape[dim]}, got ${describe(v)}`,
      );
    }
    for (let i = 0; i < v.length; i++) walk(v[i], dim + 1, `${path}[${i}]`);
  };
  walk(values, 0, '');
  return fromArray(flat, shape, options);
}

function describe(v: unknown): string {
  return Array.isArray(v)
    ? `an array of length ${v.length}`
    : typeof v === 'number'
      ? `the number ${v}`
      : typeof v;
}

function checkDType(dtype: unknown): void {
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new TypeError(`unknown dtype ${describeDType(dtype)}: expected 'float32' or 'float64'`);
  }
}

function describeDType(dtype: unknown): string {
  return typeof dtype === 'string' ? `'${dtype}'` : String(dtype);
}
