/** Shared assertions for the loss tests: closeness in float64 and the numerical gradient check. */
import assert from 'node:assert/strict';
import type { Reduction } from '../../src/losses/reduction.js';
import { numericalGradient } from '../../src/numerical/numerical-gradient.js';
import { clone, createRng, tensor, Tensor, type NestedArray } from '../../src/tensor/index.js';

const flat = (v: number | Tensor | NestedArray | ArrayLike<number>): number[] =>
  v instanceof Tensor
    ? Array.from(v.data)
    : typeof v === 'number'
      ? [v]
      : Array.isArray(v)
        ? (v as NestedArray[]).flatMap((e) => flat(e))
        : Array.from(v as ArrayLike<number>);

/**
 * Asserts |actual − expected| ≤ rel·|expected| element by element (an expected 0 must come out
 * within 1e-15; NaN must match NaN). Expected numbers come from the generated torch-reference.json
 * (torch-reference.py) or, for the book's examples, book-values.py.
 */
export function assertClose(
  actual: number | Tensor | NestedArray,
  expected: number | NestedArray,
  rel = 1e-12,
  what = 'value',
): void {
  const a = flat(actual);
  const e = flat(expected);
  assert.equal(a.length, e.length, `${what}: ${a.length} numbers, expected ${e.length}`);
  e.forEach((ev, i) => {
    const av = a[i];
    if (Number.isNaN(ev)) return assert.ok(Number.isNaN(av), `${what}[${i}]: ${av}, expected NaN`);
    const ok = ev === 0 ? Math.abs(av) <= 1e-15 : Math.abs(av - ev) <= rel * Math.abs(ev);
    assert.ok(
      ok,
      `${what}[${i}]: ${av}, expected ${ev} (relative error ${Math.abs(av - ev) / Math.abs(ev)})`,
    );
  });
}

/** The part of a loss class that the gradient check drives. */
export interface LossModule<T> {
  forward(input: Tensor, target: T): number | Tensor;
  backward(dout?: Tensor | NestedArray): Tensor;
}

/**
 * For 'mean', 'sum' and 'none': runs forward and backward with a random dout (a number, or a
 * random tensor R shaped like the output for 'none', i.e. L = Σ out·R), and compares backward with
 * the central-difference gradient of the same L in float64. Asserts the largest relative error
 * |a − n| / max(|a| + |n|, 1e-8) is below 1e-6 and names the worst element.
 */
export function checkGradient<T>(
  make: (reduction: Reduction) => LossModule<T>,
  x: NestedArray,
  target: T,
  seed = 7,
): void {
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    const rng = createRng(seed);
    const input = tensor(x);
    const loss = make(reduction);
    const out = loss.forward(input, target);
    let weights: Float64Array | undefined;
    let dout: number | Tensor = 0.5 + rng.next();
    if (out instanceof Tensor) {
      weights = Float64Array.from({ length: out.size }, () => rng.normal());
      dout = tensor(Array.from(weights)).reshape(out.shape);
    }
    const scale = typeof dout === 'number' ? dout : 1;
    const analytic = loss.backward(dout);
    assert.deepEqual(analytic.shape, input.shape, `${reduction}: gradient shape`);
    const f = (v: Tensor): number => {
      const o = make(reduction).forward(v, target);
      if (typeof o === 'number') return scale * o;
      return Array.from(o.data).reduce((s, e, i) => s + e * (weights as Float64Array)[i], 0);
    };
    const numeric = numericalGradient(f, clone(input));
    let worst = 0;
    let at = -1;
    for (let i = 0; i < input.size; i++) {
      const a = analytic.data[i];
      const n = numeric.data[i];
      const err = Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), 1e-8);
      if (err > worst) [worst, at] = [err, i];
    }
    assert.ok(
      worst < 1e-6,
      `${reduction}: relative error ${worst} at element ${at} (analytic ${analytic.data[at]}, numerical ${numeric.data[at]})`,
    );
  }
}
