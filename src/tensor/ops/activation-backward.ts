import { getBackend } from '../../backend/registry.js';
import type { Tensor } from '../tensor.js';
import { assertSameDType, assertSameShape, outFor } from './check.js';

/**
 * ReLU backward: dx = dout where x > 0, else 0 (the subgradient at 0 is 0). Never writes into
 * dout (the book's Relu zeroes it in place). x may be ReLU's output: out > 0 exactly where x > 0.
 * Shapes: dout (*), x (*) → dx (*). Book: Relu.backward (ch05 §5.5.1).
 * @example reluBackward(tensor([5, 6, 7]), tensor([1, 0, -1])).toArray(); // → [5, 0, 0]
 */
export function reluBackward(dout: Tensor, x: Tensor, out?: Tensor): Tensor {
  assertSameShape('reluBackward', dout, x);
  assertSameDType('reluBackward', dout, x);
  const o = outFor('reluBackward', out, x.shape, x.dtype);
  getBackend().reluBackward(dout.storage, x.storage, o.storage);
  return o;
}

/**
 * Sigmoid backward from its output y = σ(x): dx = dout·y·(1 − y).
 * Shapes: dout (*), y (*) → dx (*). Book: Sigmoid.backward (ch05 §5.5.2).
 * @example sigmoidBackward(tensor([1]), tensor([0.5])).toArray(); // → [0.25]
 */
export function sigmoidBackward(dout: Tensor, y: Tensor, out?: Tensor): Tensor {
  assertSameShape('sigmoidBackward', dout, y);
  assertSameDType('sigmoidBackward', dout, y);
  const o = outFor('sigmoidBackward', out, y.shape, y.dtype);
  getBackend().sigmoidBackward(dout.storage, y.storage, o.storage);
  return o;
}
