import { usingBackprop } from './config.js';

/** A function node as backprop sees it (V is the Variable type). */
export interface BackpropNode<V> {
  /** The function's name, e.g. 'Mul' (DeZero's class name). */
  readonly name: string;
  /** The inputs it was applied to. */
  readonly inputs: readonly V[];
  /** Its outputs (one for every function here). */
  readonly outputs: readonly V[];
  /** The largest generation of its inputs: backward visits higher generations first. */
  readonly generation: number;
  /** ∂L/∂inputs from gy = ∂L/∂output, written with Variable ops (null: no gradient for that input). */
  backward(gy: V): (V | null)[];
}

/** A value as backprop sees it: a gradient slot, a creator, and addition (for accumulation). */
export interface BackpropValue<V> {
  grad: V | null;
  readonly creator: BackpropNode<V> | null;
  add(other: V): V;
}

/**
 * Backpropagation from `root`, whose grad is already the seed: each function, in decreasing
 * generation, turns its output's gradient into its inputs' gradients (upstream gradient × local
 * gradient), which are added to what the inputs already hold. A function runs once, after every
 * function that uses its output: a variable used twice gets the sum of both paths. With
 * createGraph the backward pass is itself recorded; without retainGrad the gradients of
 * intermediate variables are dropped once passed on. Book: DeZero's Variable.backward.
 * @example runBackward(y, { retainGrad: false, createGraph: false }) // fills x.grad for y's inputs x (not run: inside backward)
 */
export function runBackward<V extends BackpropValue<V>>(
  root: V,
  options: { retainGrad: boolean; createGraph: boolean },
): void {
  const queue: BackpropNode<V>[] = [];
  const seen = new Set<BackpropNode<V>>();
  const push = (f: BackpropNode<V> | null): void => {
    if (f === null || seen.has(f)) return;
    seen.add(f);
    let i = queue.length;
    while (i > 0 && queue[i - 1].generation > f.generation) i--;
    queue.splice(i, 0, f);
  };
  push(root.creator);
  while (queue.length > 0) {
    const f = queue.pop() as BackpropNode<V>;
    const gy = f.outputs[0].grad;
    if (gy === null) continue;
    usingBackprop(options.createGraph, () => {
      const gxs = f.backward(gy);
      f.inputs.forEach((x, i) => {
        const gx = gxs[i];
        if (gx === null || gx === undefined) return;
        x.grad = x.grad === null ? gx : x.grad.add(gx);
        push(x.creator);
      });
    });
    if (!options.retainGrad) for (const y of f.outputs) y.grad = null;
  }
}
