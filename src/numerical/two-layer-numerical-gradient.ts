import { firstBadClassIndex, reuse } from '../tensor/ops/check.js';
import type { Tensor } from '../tensor/tensor.js';
import {
  activate,
  TwoLayerForwardCache,
  type HiddenActivation,
  type TwoLayerWeights,
} from './two-layer-forward-cache.js';

/** The book's log guard in cross_entropy_error: log(y + δ). */
const DELTA = 1e-7;

/**
 * exp(u), by its Taylor polynomial of degree 6 when |u| < 2⁻⁷ (the remainder u⁷/7! is below 4e-19,
 * under half an ulp of the result), else Math.exp. The perturbed scores move by h·a or h·x·W2:
 * nearly always a tiny u, where the polynomial is several times faster than Math.exp.
 */
function expNear0(u: number): number {
  if (u > -0.0078125 && u < 0.0078125) {
    return 1 + u * (1 + u * (1 / 2 + u * (1 / 6 + u * (1 / 24 + u * (1 / 120 + u / 720)))));
  }
  return Math.exp(u);
}

/**
 * ℓ₊ − ℓ₋ for one row whose scores move by d₊·w and by d₋·w: log((p₋ + δ) / (p₊ + δ)) with
 * p± = E_t·e^(d±·w_t) / Σₖ Eₖ·e^(d±·wₖ) (one log instead of two, and no cancellation of two ≈2.3 losses).
 */
function rowLossChange(
  E: Float64Array,
  e: number,
  w: Float64Array,
  wo: number,
  C: number,
  t: number,
  dp: number,
  dm: number,
): number {
  let sp = 0;
  let sm = 0;
  for (let k = 0; k < C; k++) {
    sp += E[e + k] * expNear0(dp * w[wo + k]);
    sm += E[e + k] * expNear0(dm * w[wo + k]);
  }
  const pp = (E[e + t] * expNear0(dp * w[wo + t])) / sp;
  const pm = (E[e + t] * expNear0(dm * w[wo + t])) / sm;
  return Math.log((pm + DELTA) / (pp + DELTA));
}

/**
 * Chapter 4's numerical gradient of a two-layer classifier, every one of its parameters by central
 * differences with the same h, but each perturbed loss recomputed only where it changes:
 *   ∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h = Σₙ (ℓₙ(θ + h) − ℓₙ(θ − h)) / (2h·N),
 *   ℓₙ = −log(softmax(sₙ)[tₙ] + 1e-7),  s = act(x·W1 + b1)·W2 + b2.
 * Perturbing W1[i, j] moves only z[n, j] by ±h·x[n, i], so only row n's scores by Δa·W2[j, ·], and
 * not at all where x[n, i] = 0 (or where a ReLU stays off); b1[j] is the same with x = 1; W2[j, k]
 * moves only s[n, k] by ±h·a[n, j]; b2[k] by ±h. From the cached forward pass each perturbed row
 * loss costs O(C) instead of a full O(N·D·H) forward pass: the same central difference as the
 * book's loop, to rounding (about 1e-12 here), some 1,000 times faster on 784-50-10.
 * Arithmetic is float64 whatever the parameters' dtype (float32 values are exact in float64),
 * so h = 1e-4 suits both; the gradients come back in each parameter's dtype, in buffers that the
 * next call reuses.
 * Shapes: x (N, D), labels (N) class indices, W1 (D, H), b1 (H), W2 (H, C), b2 (C) → gradients like the parameters.
 * Book: numerical_gradient of TwoLayerNet (ch04 §4.5, two_layer_net.py), h = 1e-4.
 * @example
 * const numerical = new TwoLayerNumericalGradient('relu');
 * const grads = numerical.compute(x, labels, net.params as TwoLayerWeights);
 * grads.W1.shape;  // [784, 50]
 */
export class TwoLayerNumericalGradient {
  readonly #cache = new TwoLayerForwardCache();
  #w2 = new Float64Array(0);
  #sums: TwoLayerWeights<Float64Array> = {
    W1: new Float64Array(0),
    b1: new Float64Array(0),
    W2: new Float64Array(0),
    b2: new Float64Array(0),
  };
  #out?: TwoLayerWeights;

  constructor(
    readonly activation: HiddenActivation,
    readonly h = 1e-4,
  ) {
    if (activation !== 'relu' && activation !== 'sigmoid') {
      throw new RangeError(
        `TwoLayerNumericalGradient: activation must be 'relu' or 'sigmoid', got '${String(activation)}'`,
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
    cache.fill(x, params, this.activation === 'relu');
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

  /** W1[i, j] and b1[j]: row n's scores move by (act(z ± h·x) − a)·W2[j, ·]. */
  #firstLayer(labels: Int32Array, sums: TwoLayerWeights<Float64Array>): void {
    const { rows: N, hidden: H, classes: C, z, a, E, rowStart, cols, vals, xMax } = this.#cache;
    const relu = this.activation === 'relu';
    const { h } = this;
    const w = this.#w2;
    const g1 = sums.W1;
    const gb1 = sums.b1;
    for (let n = 0; n < N; n++) {
      const t = labels[n];
      const e = n * C;
      for (let j = 0; j < H; j++) {
        const zj = z[n * H + j];
        // A ReLU that stays off under every perturbation of this row changes nothing.
        if (relu && zj + h * xMax[n] <= 0) continue;
        const aj = a[n * H + j];
        const wo = j * C;
        gb1[j] += rowLossChange(
          E,
          e,
          w,
          wo,
          C,
          t,
          activate(relu, zj + h) - aj,
          activate(relu, zj - h) - aj,
        );
        for (let p = rowStart[n]; p < rowStart[n + 1]; p++) {
          const hx = h * vals[p];
          const dp = activate(relu, zj + hx) - aj;
          const dm = activate(relu, zj - hx) - aj;
          if (dp === 0 && dm === 0) continue;
          g1[cols[p] * H + j] += rowLossChange(E, e, w, wo, C, t, dp, dm);
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
        const g = j < H ? sums.W2 : sums.b2;
        const go = j < H ? j * C : 0;
        const up = expNear0(h * aj);
        const down = expNear0(-h * aj);
        for (let k = 0; k < C; k++) {
          const ep = E[e + k] * up;
          const em = E[e + k] * down;
          const pp = (k === t ? ep : E[e + t]) / (rest[k] + ep);
          const pm = (k === t ? em : E[e + t]) / (rest[k] + em);
          g[go + k] += Math.log((pm + DELTA) / (pp + DELTA));
        }
      }
    }
  }
}
