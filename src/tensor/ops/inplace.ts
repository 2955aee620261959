import { getBackend } from '../../backend/registry.js';
import type { Tensor } from '../tensor.js';
import { assertSameDType, assertSameShape } from './check.js';

/**
 * y ← y + α·x, in place (the SGD update W ← W − lr·dW is axpyInPlace(W, −lr, dW)).
 * Shapes: y (*), x (*) the same shape and dtype → y. Book: W -= lr * dW.
 * @example axpyInPlace(tensor([1, 2]), -0.5, tensor([2, 2])).toArray(); // → [0, 1]
 */
export function axpyInPlace(y: Tensor, alpha: number, x: Tensor): Tensor {
  assertSameShape('axpyInPlace', y, x);
  assertSameDType('axpyInPlace', y, x);
  getBackend().axpy(alpha, x.storage, y.storage);
  return y;
}

/**
 * x ← s·x, in place. Shapes: any → x. @example scaleInPlace(tensor([1, 2]), 3).toArray()  // [3, 6]
 */
export function scaleInPlace(x: Tensor, s: number): Tensor {
  getBackend().binaryScalar('mul', x.storage, s, x.storage);
  return x;
}

/**
 * x ← value everywhere, in place. Shapes: any → x. @example fillInPlace(zeros([2]), 1).toArray()  // [1, 1]
 */
export function fillInPlace(x: Tensor, value: number): Tensor {
  getBackend().fill(x.storage, value);
  return x;
}

/**
 * dst ← src, in place. Shapes: src (*), dst (*) the same shape and dtype → dst.
 * @example copyInto(tensor([7, 8]), zeros([2])).toArray(); // → [7, 8]
 */
export function copyInto(src: Tensor, dst: Tensor): Tensor {
  assertSameShape('copyInto', src, dst);
  assertSameDType('copyInto', src, dst);
  getBackend().copy(src.storage, dst.storage);
  return dst;
}
