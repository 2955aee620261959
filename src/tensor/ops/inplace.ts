import { getBackend } from '../../backend/registry.js';
import type { Tensor } from '../tensor.js';
import { assertSameDType, assertSameShape } from './check.js';

/**
 * y ← y + α·x, in place (the SGD update W ← W − lr·dW is axpyInPlace(W, −lr, dW)).
 * Shapes: x and y equal.
 */
export function axpyInPlace(y: Tensor, alpha: number, x: Tensor): Tensor {
  assertSameShape('axpyInPlace', y, x);
  assertSameDType('axpyInPlace', y, x);
  getBackend().axpy(alpha, x.storage, y.storage);
  return y;
}

/** x ← s·x, in place. */
export function scaleInPlace(x: Tensor, s: number): Tensor {
  getBackend().binaryScalar('mul', x.storage, s, x.storage);
  return x;
}

/** x ← value everywhere, in place. */
export function fillInPlace(x: Tensor, value: number): Tensor {
  getBackend().fill(x.storage, value);
  return x;
}

/** dst ← src (same shape and dtype), in place. */
export function copyInto(src: Tensor, dst: Tensor): Tensor {
  assertSameShape('copyInto', src, dst);
  assertSameDType('copyInto', src, dst);
  getBackend().copy(src.storage, dst.storage);
  return dst;
}
