import { getBackend } from '../../backend/registry.js';
import type { Tensor } from '../tensor.js';
import { assertSameDType, assertSameShape, outFor } from './check.js';

/** ReLU backward: dx = dout where x > 0, else 0 (subgradient 0 at x = 0). Never writes into dout. */
export function reluBackward(dout: Tensor, x: Tensor, out?: Tensor): Tensor {
  assertSameShape('reluBackward', dout, x);
  assertSameDType('reluBackward', dout, x);
  const o = outFor('reluBackward', out, x.shape, x.dtype);
  getBackend().reluBackward(dout.storage, x.storage, o.storage);
  return o;
}

/** Sigmoid backward from its output y: dx = dout·y·(1 − y). */
export function sigmoidBackward(dout: Tensor, y: Tensor, out?: Tensor): Tensor {
  assertSameShape('sigmoidBackward', dout, y);
  assertSameDType('sigmoidBackward', dout, y);
  const o = outFor('sigmoidBackward', out, y.shape, y.dtype);
  getBackend().sigmoidBackward(dout.storage, y.storage, o.storage);
  return o;
}
