import { fmtShape, type Tensor } from '../tensor/tensor.js';
import type { ScalarActivation } from './scalar-activation.js';

/** The parameters of a two-layer network under the book's names. */
export interface TwoLayerWeights<T = Tensor> {
  readonly W1: T;
  readonly b1: T;
  readonly W2: T;
  readonly b2: T;
}

/**
 * The forward pass of a two-layer classifier in float64, kept for the structured numerical
 * gradient: which inputs of each row are non-zero, the hidden pre-activations z = x·W1 + b1 and
 * activations a = act(z), the scores' exponentials E = exp(s − maxₖ s) with s = a·W2 + b2, and
 * their row sums S, so that softmax(s)[n, k] = E[n, k] / S[n].
 * Buffers are reused while the shapes stay the same.
 * Shapes: x (N, D), W1 (D, H), b1 (H), W2 (H, C), b2 (C) → z, a (N, H); E (N, C); S (N).
 * Book: TwoLayerNet.predict (ch04 §4.5), softmax (ch03) with its max subtraction.
 * @example
 * const cache = new TwoLayerForwardCache();
 * cache.fill(x, net.params as TwoLayerWeights, ACTIVATIONS.relu.scalar);
 * cache.E[0] / cache.S[0]; // softmax(scores)[0, 0] (not run: needs a network and a batch)
 */
export class TwoLayerForwardCache {
  rows = 0;
  inputs = 0;
  hidden = 0;
  classes = 0;
  z = new Float64Array(0);
  a = new Float64Array(0);
  E = new Float64Array(0);
  S = new Float64Array(0);
  /** Non-zero inputs of row n: columns cols[rowStart[n] .. rowStart[n+1]) with values vals[…]. */
  rowStart = new Int32Array(1);
  cols = new Int32Array(0);
  vals = new Float64Array(0);
  /** max(1, maxᵢ |x[n, i]|): the largest input a perturbation of row n is multiplied by (1: b1). */
  xMax = new Float64Array(0);

  /** Runs the forward pass of `x` through `params` into the buffers; checks every shape. */
  fill(x: Tensor, params: TwoLayerWeights, activation: ScalarActivation): void {
    this.#shapes(x, params);
    const { rows: N, inputs: D, hidden: H, classes: C } = this;
    if (this.z.length !== N * H) {
      this.z = new Float64Array(N * H);
      this.a = new Float64Array(N * H);
      this.E = new Float64Array(N * C);
      this.S = new Float64Array(N);
      this.rowStart = new Int32Array(N + 1);
      this.xMax = new Float64Array(N);
    }
    if (this.cols.length < N * D) {
      this.cols = new Int32Array(N * D);
      this.vals = new Float64Array(N * D);
    }
    const xd = x.data;
    const W1 = params.W1.data;
    const b1 = params.b1.data;
    const W2 = params.W2.data;
    const b2 = params.b2.data;
    const { z, a, E, S, rowStart, cols, vals, xMax } = this;
    const act = activation.value;
    const s = new Float64Array(C);
    let p = 0;
    for (let n = 0; n < N; n++) {
      rowStart[n] = p;
      let big = 1;
      z.fill(0, n * H, (n + 1) * H);
      for (let i = 0; i < D; i++) {
        const xi = xd[n * D + i];
        if (xi === 0) continue; // 0·W1[i, ·] adds nothing: MNIST rows are about 80% zeros
        cols[p] = i;
        vals[p++] = xi;
        big = Math.max(big, Math.abs(xi));
        for (let j = 0, w = i * H, o = n * H; j < H; j++) z[o + j] += xi * W1[w + j];
      }
      xMax[n] = big;
      for (let j = 0; j < H; j++) {
        z[n * H + j] += b1[j];
        a[n * H + j] = act(z[n * H + j]);
      }
      let max = -Infinity;
      for (let k = 0; k < C; k++) {
        let v = b2[k];
        for (let j = 0; j < H; j++) v += a[n * H + j] * W2[j * C + k];
        s[k] = v;
        max = Math.max(max, v);
      }
      let sum = 0;
      for (let k = 0; k < C; k++) sum += E[n * C + k] = Math.exp(s[k] - max);
      S[n] = sum;
    }
    rowStart[N] = p;
  }

  #shapes(x: Tensor, params: TwoLayerWeights): void {
    const { W1, b1, W2, b2 } = params;
    const where = 'TwoLayerForwardCache.fill';
    const bad = (what: string, expected: string, t: Tensor): never => {
      throw new RangeError(
        `${where}: ${what} must have shape ${expected}, got ${fmtShape(t.shape)}`,
      );
    };
    if (W1.ndim !== 2) bad('W1', '(D, H)', W1);
    if (W2.ndim !== 2) bad('W2', '(H, C)', W2);
    const [D, H] = W1.shape;
    const C = W2.shape[1];
    if (W2.shape[0] !== H) bad('W2', `(${H}, C)`, W2);
    if (b1.ndim !== 1 || b1.shape[0] !== H) bad('b1', `(${H},)`, b1);
    if (b2.ndim !== 1 || b2.shape[0] !== C) bad('b2', `(${C},)`, b2);
    if (x.ndim !== 2 || x.shape[1] !== D) bad('x', `(N, ${D})`, x);
    this.rows = x.shape[0];
    this.inputs = D;
    this.hidden = H;
    this.classes = C;
  }
}
