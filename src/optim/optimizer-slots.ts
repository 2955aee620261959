import {
  type FloatArray,
  fmtShape,
  type Params,
  sameShape,
  type Tensor,
} from '../tensor/tensor.js';
import { OptimizerError } from './optimizer-error.js';
import type { OptimizerState } from './optimizer.js';

/**
 * Per-parameter state buffers of an optimizer (the book's `self.v`, `self.h`, `self.m` dicts),
 * kept as plain typed arrays of the parameter's dtype and created as zeros on first use, like
 * `np.zeros_like(val)`. Saved under `<slot>.<param>` keys, e.g. `v.W1`.
 */
export class OptimizerSlots {
  readonly #buffers = new Map<string, FloatArray>();

  /** The buffer `slot` of parameter `name`, created as zeros shaped like `param` when missing. */
  get(slot: string, name: string, param: Tensor): FloatArray {
    const key = `${slot}.${name}`;
    let buf = this.#buffers.get(key);
    if (buf === undefined) {
      buf = param.dtype === 'float32' ? new Float32Array(param.size) : new Float64Array(param.size);
      this.#buffers.set(key, buf);
    } else if (buf.length !== param.size) {
      throw new OptimizerError(
        `optimizer state ${key} holds ${buf.length} numbers but parameter ${name} has ${param.size}; ` +
          'was the state saved for another model?',
      );
    }
    return buf;
  }

  /** Copies of every buffer, for a checkpoint. */
  snapshot(): Record<string, FloatArray> {
    const out: Record<string, FloatArray> = {};
    for (const [k, v] of this.#buffers) out[k] = v.slice();
    return out;
  }

  /** Replaces every buffer with copies of `buffers`. */
  restore(buffers: Record<string, FloatArray>): void {
    this.#buffers.clear();
    for (const [k, v] of Object.entries(buffers)) this.#buffers.set(k, v.slice());
  }
}

/** Checks a saved state's name before setState restores it. */
export function checkStateName(optimizer: string, state: OptimizerState): void {
  if (state.name !== optimizer) {
    throw new OptimizerError(
      `${optimizer}.setState: the state was saved by ${state.name}, expected ${optimizer}`,
    );
  }
  if (!Number.isInteger(state.step) || state.step < 0) {
    throw new OptimizerError(
      `${optimizer}.setState: step must be an integer ≥ 0, got ${String(state.step)}`,
    );
  }
}

/**
 * Checks the gradients of an update: every parameter needs a gradient of the same shape and
 * dtype. Runs before anything is updated, so a bad call changes nothing.
 */
export function checkParamGrads(optimizer: string, params: Params, grads: Params): void {
  for (const name in params) {
    const p = params[name];
    const g = grads[name];
    if (g === undefined) {
      throw new OptimizerError(`${optimizer}.update: no gradient for parameter ${name}`);
    }
    if (!sameShape(p.shape, g.shape) || p.dtype !== g.dtype) {
      throw new OptimizerError(
        `${optimizer}.update: gradient ${name} is ${fmtShape(g.shape)} ${g.dtype}, expected ${fmtShape(p.shape)} ${p.dtype} like the parameter`,
      );
    }
  }
}
