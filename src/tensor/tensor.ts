import type { DType, FloatArray, Storage } from '../backend/backend.js';

/**
 * The element types and their typed arrays, re-exported here so that code above tensor/
 * (losses, models, optim, train, data) names them without importing a backend.
 */
export type { DType, FloatArray };

/** Nested arrays of numbers, as written in source code: 3, [1, 2], [[1, 2], [3, 4]], … */
export type NestedArray = number | NestedArray[];

/**
 * An n-dimensional array of float32 or float64 numbers in row-major order.
 *
 * The numbers live in a `Storage` owned by the backend that was active when the tensor was made
 * (a typed array for the JS backend, WASM linear memory for the WASM backend). `data` is a typed
 * view of them: read it again after allocating, since a WASM backend may re-create the view.
 * Shapes are readonly; `reshape` shares the storage.
 *
 * Book: the NumPy ndarray. Shapes: any, e.g. (N, D) for a batch of N inputs of size D.
 * @example
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * x.shape; // → [2, 3]
 * x.dtype; // → 'float64'
 * x.toArray(); // → [[1, 2, 3], [4, 5, 6]]
 */
export class Tensor {
  readonly shape: readonly number[];
  readonly size: number;

  constructor(
    readonly storage: Storage,
    shape: readonly number[],
  ) {
    const size = shapeSize(shape);
    if (size !== storage.length) {
      throw new RangeError(
        `Tensor: shape ${fmtShape(shape)} holds ${size} numbers but the storage holds ${storage.length}`,
      );
    }
    this.shape = Object.freeze([...shape]);
    this.size = size;
  }

  /** 'float32' or 'float64', the dtype of the storage. */
  get dtype(): DType {
    return this.storage.dtype;
  }

  /** The number of dimensions (0 for a scalar). */
  get ndim(): number {
    return this.shape.length;
  }

  /** The numbers, row-major, as a typed view (writes go to the tensor). */
  get data(): FloatArray {
    return this.storage.data;
  }

  /** The number at a multi-index, e.g. x.at(1, 2); an index out of range throws. */
  at(...index: number[]): number {
    return this.data[this.offsetOf(index)];
  }

  /** Writes one number at a multi-index. */
  setAt(value: number, ...index: number[]): void {
    this.data[this.offsetOf(index)] = value;
  }

  /** The single number of a tensor with one element. */
  item(): number {
    if (this.size !== 1) {
      throw new RangeError(
        `Tensor.item: expected a tensor with 1 element, got shape ${fmtShape(this.shape)}`,
      );
    }
    return this.data[0];
  }

  /** A tensor with the same storage and another shape of the same size. */
  reshape(shape: readonly number[]): Tensor {
    const size = shapeSize(shape);
    if (size !== this.size) {
      throw new RangeError(
        `reshape: cannot reshape ${fmtShape(this.shape)} (${this.size} numbers) to ${fmtShape(shape)}`,
      );
    }
    return new Tensor(this.storage, shape);
  }

  /** The numbers as nested JS arrays (a number for a 0-d tensor). */
  toArray(): NestedArray {
    const d = this.data;
    if (this.shape.length === 0) return d[0];
    const build = (dim: number, offset: number): NestedArray[] => {
      const n = this.shape[dim];
      const stride = shapeSize(this.shape.slice(dim + 1));
      const out: NestedArray[] = new Array(n);
      for (let i = 0; i < n; i++) {
        out[i] =
          dim === this.shape.length - 1 ? d[offset + i] : build(dim + 1, offset + i * stride);
      }
      return out;
    };
    return build(0, 0);
  }

  toString(): string {
    return `Tensor(${fmtShape(this.shape)}, ${this.dtype}) ${JSON.stringify(this.toArray())}`;
  }

  private offsetOf(index: number[]): number {
    if (index.length !== this.shape.length) {
      throw new RangeError(
        `Tensor index [${index.join(', ')}] does not match shape ${fmtShape(this.shape)}`,
      );
    }
    let offset = 0;
    for (let i = 0; i < index.length; i++) {
      const v = index[i];
      if (!Number.isInteger(v) || v < 0 || v >= this.shape[i]) {
        throw new RangeError(
          `Tensor index [${index.join(', ')}] is out of range for shape ${fmtShape(this.shape)}`,
        );
      }
      offset = offset * this.shape[i] + v;
    }
    return offset;
  }
}

/**
 * The number of elements of a shape: Πᵢ shape[i] (1 for the empty shape of a scalar). Every
 * dimension must be an integer ≥ 0, or it throws naming the axis.
 * @example shapeSize([2, 3]); // → 6
 */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (let axis = 0; axis < shape.length; axis++) {
    const d = shape[axis];
    if (!Number.isInteger(d) || d < 0) {
      throw new RangeError(
        `invalid shape ${fmtShape(shape)}: each dimension must be an integer ≥ 0, got ${d} at axis ${axis}`,
      );
    }
    n *= d;
  }
  return n;
}

/**
 * A shape formatted as in PyTorch's messages, with Python's one-element tuple comma.
 * @example fmtShape([2, 3])  // '(2, 3)'; fmtShape([3]) is '(3,)'
 */
export function fmtShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * True when two shapes are equal, dimension by dimension.
 * @example sameShape([2, 3], [2, 3]); // → true
 */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Tensors by name: a model's parameters or their gradients, by the book's names W1, b1, W2, b2, …
 * (optimizers update them in place).
 * @example
 * const { W1, b1 } = new TwoLayerNet(4, 3, 2).params;
 * [W1.shape, b1.shape]; // → [[4, 3], [3]]
 */
export type Params = Record<string, Tensor>;
