import { firstBadClassIndex, reuse } from '../tensor/ops/check.js';
import type { Tensor } from '../tensor/tensor.js';
import {
  addScoreChanges,
  expNear0,
  expSeries,
  rowLossChange,
  rowLossChangeSeries,
  SERIES_RADIUS,
} from './row-loss-change.js';
import type { ScalarActivation } from './scalar-activation.js';
import { TwoLayerForwardCache, type TwoLayerWeights } from './two-layer-forward-cache.js';

/**
 * Chapter 4's numerical gradient of a two-layer classifier, every one of its parameters by central
 * differences with the same h, but each perturbed loss recomputed only where it changes:
 *   ∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h = Σₙ (ℓₙ(θ + h) − ℓₙ(θ − h)) / (2h·N),
 *   ℓₙ = −log(softmax(sₙ)[tₙ] + 1e-7),  s = act(x·W1 + b1)·W2 + b2.
 * Perturbing W1[i, j] moves only z[n, j] by ±h·x[n, i], so only row n's scores by Δa·W2[j, ·], and
 * not at all where x[n, i] = 0 (or where a ReLU stays off); b1[j] is the same with x = 1; W2[j, k]
 * moves only s[n, k] by ±h·a[n, j]; b2[k] by ±h. From the cached forward pass each perturbed row
 * loss costs O(C) (O(1) with the series of exp along W2[j, ·]) instead of a full O(N·D·H) forward
 * pass: the same central difference as the book's loop, to rounding. On 784-50-10 with a batch of
 * 100 MNIST images it differs from the plain loop by at most 1.3e-11 and takes 12–30 ms against
 * 23 s for the book-style NumPy loop (bench/numerical-gradient.ts).
 * Arithmetic is float64 whatever the parameters' dtype (float32 values are exact in float64),
 * so h = 1e-4 suits both; the gradients come back in each parameter's dtype, in buffers that the
 * next call reuses.
 * Shapes: x (N, D), labels (N) class indices, W1 (D, H), b1 (H), W2 (H, C), b2 (C) → gradients like the parameters.
 * Book: numerical_gradient of TwoLayerNet (ch04 §4.5, two_layer_net.py), h = 1e-4.
 * @example
 * const numerical = new TwoLayerNumericalGradient(ACTIVATIONS.relu.scalar);
 * const grads = numerical.compute(x, labels, net.params as TwoLayerWeights);
 * grads.W1.shape; // [784, 50] (not run: needs a network and a batch)
 */
export class TwoLayerNumericalGradient {
  readonly #cache = new TwoLayerForwardCache();
  #w2 = new Float64Array(0);
  readonly #series = new Float64Array(7);
  #sums: TwoLayerWeights<Float64Array> = {
    W1: new Float64Array(0),
    b1: new Float64Array(0),
    W2: new Float64Array(0),
    b2: new Float64Array(0),
  };
  #out?: TwoLayerWeights;

  constructor(
    readonly activation: ScalarActivation,
    readonly h = 1e-4,
  ) {
    if (typeof activation?.value !== 'function' || !(activation.slopeBound >= 0)) {
      throw new RangeError(
        'TwoLayerNumericalGradient: activation must be a ScalarActivation (value and slopeBound), e.g. ACTIVATIONS.relu.scalar',
      );
    }
    if (!(Number.isFinite(h) && h > 0)) {
      throw new RangeError(`TwoLayerNumericalGradient: h must be a finite number > 0, got ${h}`);
    }
  }

  /** The gradients of the mean loss over the rows of x with respect to W1, b1, W2 and b2. */
  compute(x: Tensor, labels: Int32Array, params: TwoLayerWeights): TwoLayerWeights {
    const prev = this.#out;
    const out: TwoLayerWeights = {
      W1: reuse(prev?.W1, params.W1.shape, params.W1.dtype),
      b1: reuse(prev?.b1, params.b1.shape, params.b1.dtype),
      W2: reuse(prev?.W2, params.W2.shape, params.W2.dtype),
      b2: reuse(prev?.b2, params.b2.shape, params.b2.dtype),
    };
    this.#out = out;
    // Read the parameters only now: allocating may move a WASM backend's memory views.
    const cache = this.#cache;
    cache.fill(x, params, this.activation);
    const { rows: N, hidden: H, classes: C } = cache;
    if (labels.length !== N) {
      throw new RangeError(
        `TwoLayerNumericalGradient.compute: labels: expected ${N} class indices (one per row of x), got ${labels.length}`,
      );
    }
    const bad = firstBadClassIndex(labels, N, C);
    if (bad >= 0) {
      throw new RangeError(
        `TwoLayerNumericalGradient.compute: labels[${bad}]: expected a class index in 0..${C - 1}, got ${labels[bad]}`,
      );
    }
    if (this.#w2.length !== H * C) this.#w2 = new Float64Array(H * C);
    this.#w2.set(params.W2.data);
    const sums = this.#zeroedSums(cache.inputs * H, H, H * C, C);
    this.#firstLayer(labels, sums);
    this.#secondLayer(labels, sums);
    const scale = 1 / (2 * this.h * N);
    for (const key of ['W1', 'b1', 'W2', 'b2'] as const) {
      const od = out[key].data;
      const sd = sums[key];
      for (let i = 0; i < sd.length; i++) od[i] = sd[i] * scale;
    }
    return out;
  }

  #zeroedSums(w1: number, b1: number, w2: number, b2: number): TwoLayerWeights<Float64Array> {
    const s = this.#sums;
    if (s.W1.length !== w1 || s.W2.length !== w2) {
      this.#sums = {
        W1: new Float64Array(w1),
        b1: new Float64Array(b1),
        W2: new Float64Array(w2),
        b2: new Float64Array(b2),
      };
      return this.#sums;
    }
    for (const a of [s.W1, s.b1, s.W2, s.b2]) a.fill(0);
    return s;
  }

  /**
   * W1[i, j] and b1[j]: row n's scores move by d·W2[j, ·] with d = act(z ± h·x) − a. The softmax
   * denominator along W2[j, ·] is a 7-term series in d (expSeries) when every |d·W2[j, k]| is
   * below 2⁻⁷ (|d| ≤ slopeBound·h·|x|), else C exponentials.
   */
  #firstLayer(labels: Int32Array, sums: TwoLayerWeights<Float64Array>): void {
    const { rows: N, hidden: H, classes: C, z, a, E, rowStart, cols, vals, xMax } = this.#cache;
    const { value: act, slopeBound, zeroAtOrBelowZero: off, logistic } = this.activation;
    const { h } = this;
    const w = this.#w2;
    const g1 = sums.W1;
    const gb1 = sums.b1;
    const series = this.#series;
    for (let n = 0; n < N; n++) {
      const t = labels[n];
      const e = n * C;
      for (let j = 0; j < H; j++) {
        const zj = z[n * H + j];
        // A ReLU that stays off under every perturbation of this row changes nothing.
        if (off && zj + h * xMax[n] <= 0) continue;
        const aj = a[n * H + j];
        const wo = j * C;
        let wMax = 0;
        for (let k = 0; k < C; k++) wMax = Math.max(wMax, Math.abs(w[wo + k]));
        const useSeries = slopeBound * h * xMax[n] * wMax < SERIES_RADIUS;
        if (useSeries) expSeries(E, e, w, wo, C, series);
        const Et = E[e + t];
        const wt = w[wo + t];
        // σ(z ± hx) = 1 / (1 + e^−z·e^∓hx): one exp per (row, unit) instead of two per input.
        const ez = !logistic || zj < -700 ? Infinity : Math.exp(-zj);
        const a0 = 1 / (1 + ez);
        for (let p = rowStart[n] - 1; p < rowStart[n + 1]; p++) {
          const hx = p < rowStart[n] ? h : h * vals[p]; // p = rowStart[n] − 1: the bias b1[j], input 1
          const dp = ez < Infinity ? 1 / (1 + ez * expNear0(-hx)) - a0 : act(zj + hx) - aj;
          const dm = ez < Infinity ? 1 / (1 + ez * expNear0(hx)) - a0 : act(zj - hx) - aj;
          if (dp === 0 && dm === 0) continue;
          const change = useSeries
            ? rowLossChangeSeries(series, Et, wt, dp, dm)
            : rowLossChange(E, e, w, wo, C, t, dp, dm);
          if (p < rowStart[n]) gb1[j] += change;
          else g1[cols[p] * H + j] += change;
        }
      }
    }
  }

  /** W2[j, k] and b2[k]: only s[n, k] moves, by ±h·a[n, j] (±h for b2). */
  #secondLayer(labels: Int32Array, sums: TwoLayerWeights<Float64Array>): void {
    const { rows: N, hidden: H, classes: C, a, E } = this.#cache;
    const { h } = this;
    const rest = new Float64Array(C);
    for (let n = 0; n < N; n++) {
      const t = labels[n];
      const e = n * C;
      // Σ over the other classes, summed directly (S − Eₖ would cancel when Eₖ dominates).
      for (let k = 0; k < C; k++) {
        let r = 0;
        for (let q = 0; q < C; q++) if (q !== k) r += E[e + q];
        rest[k] = r;
      }
      for (let j = 0; j <= H; j++) {
        const aj = j < H ? a[n * H + j] : 1; // j = H: the bias b2, whose input is 1
        if (aj === 0) continue;
        if (j < H) addScoreChanges(E, e, C, t, rest, h * aj, sums.W2, j * C);
        else addScoreChanges(E, e, C, t, rest, h, sums.b2, 0);
      }
    }
  }
}
