/**
 * Gradient checks for layers: pick a fixed random R shaped like the output and
 * let L = Σ forward(x) ⊙ R, so ∂L/∂out = R. Then backward(R) must equal ∂L/∂x and every
 * layer.grads[k] must equal ∂L/∂params[k], both computed by central differences.
 * The check is the relative difference |a − n| / max(|a| + |n|, floor) at its worst index.
 */
import assert from 'node:assert/strict';
import type { Labels, Layer, LossLayer } from '../../src/layers/layer.js';
import { gradientCheck, type GradientDifference } from '../../src/numerical/gradient-check.js';
import { numericalGradient } from '../../src/numerical/numerical-gradient.js';
import { clone, mul, randn, sum, type Rng, type Tensor } from '../../src/tensor/index.js';

/** Options of the layer checks. Defaults depend on the dtype of x. */
export interface GradCheckOptions {
  /** Draws R (and nothing else). */
  rng: Rng;
  /** Finite-difference step: 1e-4 (float64, the book's) or 1e-2 (float32, where x ± 1e-4 rounds badly). */
  h?: number;
  /** Largest allowed relative difference: 1e-6 (float64) or 1e-3 (float32). */
  tolerance?: number;
  /** Smallest denominator of the relative difference: 1e-8 (float64) or 1e-3 (float32). */
  floor?: number;
  /** Passed to forward (Dropout). */
  train?: boolean;
}

interface Settings {
  h: number;
  tolerance: number;
  floor: number;
}

function settings(x: Tensor, o: GradCheckOptions): Settings {
  const f64 = x.dtype === 'float64';
  return {
    h: o.h ?? (f64 ? 1e-4 : 1e-2),
    tolerance: o.tolerance ?? (f64 ? 1e-6 : 1e-3),
    floor: o.floor ?? (f64 ? 1e-8 : 1e-3),
  };
}

/** Clones of a record of tensors (layers reuse their gradient buffers). */
function cloneAll(record: Readonly<Record<string, Tensor>>): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const [k, v] of Object.entries(record)) out[k] = clone(v);
  return out;
}

/** Numerical gradients of `loss` with respect to x (as `dx`) and every parameter. */
function numerical(
  loss: () => number,
  x: Tensor,
  params: Readonly<Record<string, Tensor>>,
  h: number,
): Record<string, Tensor> {
  const out: Record<string, Tensor> = { dx: numericalGradient(loss, x, h) };
  for (const [k, p] of Object.entries(params)) out[k] = numericalGradient(loss, p, h);
  return out;
}

/** Asserts every relative difference is below the tolerance; the message names the worst entry. */
export function assertClose(
  report: Record<string, GradientDifference>,
  tolerance: number,
  what: string,
): void {
  for (const [k, r] of Object.entries(report)) {
    assert.ok(
      r.maxRel < tolerance,
      `${what}: ${k} relative difference ${r.maxRel.toExponential(3)} ≥ ${tolerance} at [${r.worstIndex.join(', ')}]` +
        ` (analytic ${r.analytic}, numerical ${r.numerical})`,
    );
  }
}

/**
 * Checks a layer's backward and parameter gradients at x; returns the report (keys dx and the
 * parameter names) after asserting it. The layer's parameters are perturbed and restored.
 */
export function assertLayerGradients(
  layer: Layer,
  x: Tensor,
  options: GradCheckOptions,
): Record<string, GradientDifference> {
  const s = settings(x, options);
  const R = randn(layer.forward(x, options.train).shape, options.rng, { dtype: x.dtype });
  const analytic = { dx: clone(layer.backward(R)), ...cloneAll(layer.grads) };
  const loss = (): number => sum(mul(layer.forward(x, options.train), R));
  const report = gradientCheck(analytic, numerical(loss, x, layer.params, s.h), { floor: s.floor });
  assertClose(report, s.tolerance, layer.constructor.name);
  return report;
}

/**
 * Checks a loss layer: with L' = dout·forward(x, t) for a random dout, backward(dout) must equal ∂L'/∂x.
 */
export function assertLossLayerGradients(
  layer: LossLayer,
  x: Tensor,
  t: Labels,
  options: GradCheckOptions,
): Record<string, GradientDifference> {
  const s = settings(x, options);
  const dout = 0.5 + options.rng.next();
  layer.forward(x, t);
  const analytic = { dx: clone(layer.backward(dout)) };
  const loss = (): number => dout * layer.forward(x, t);
  const report = gradientCheck(analytic, numerical(loss, x, {}, s.h), { floor: s.floor });
  assertClose(report, s.tolerance, layer.constructor.name);
  return report;
}

/**
 * Normal samples kept at least `margin` away from 0 (|v| ≥ margin), for ReLU inputs: a finite
 * difference across the kink at 0 measures neither side's slope.
 */
export function randnAwayFromZero(
  shape: readonly number[],
  rng: Rng,
  margin: number,
  dtype: 'float32' | 'float64' = 'float64',
): Tensor {
  const t = randn(shape, rng, { dtype });
  const d = t.data;
  for (let i = 0; i < d.length; i++)
    if (Math.abs(d[i]) < margin) d[i] = d[i] < 0 ? d[i] - margin : d[i] + margin;
  return t;
}
