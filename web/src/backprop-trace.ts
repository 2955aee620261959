import {
  Affine,
  BCEWithLogitsLoss,
  fmtShape,
  GaussianVarianceLoss,
  gaussianVarianceHead,
  LeakyRelu,
  LossAdapter,
  Relu,
  Sigmoid,
  SoftmaxWithLoss,
  Tanh,
  Tensor,
  type Labels,
  type Layer,
  type LossLayer,
} from 'gradlab';

/** A tensor as the Backprop panel prints it: its shape and its first few numbers. */
export interface TensorPeek {
  readonly shape: string;
  readonly head: readonly number[];
}

/** One layer's part in a forward and backward pass over a batch. */
export interface LayerTrace {
  /** The layer's class name: Affine, Relu, Sigmoid, SoftmaxWithLoss, LossAdapter(BCEWithLogitsLoss), … */
  readonly name: string;
  /** What forward cached for backward, by the book's names (x, mask, out, y, t). */
  readonly cached: Readonly<Record<string, TensorPeek>>;
  readonly output: TensorPeek;
  /** The upstream gradient it received (for the loss layer, dout = 1). */
  readonly doutIn: TensorPeek;
  /** The gradient it sent downstream, dx. */
  readonly doutOut: TensorPeek;
  /** Its parameter gradients (dW, db for Affine). */
  readonly grads: Readonly<Record<string, TensorPeek>>;
}

const PEEK = 3;

// Layer names by class (a minified build renames classes, so constructor.name would lie).
const LAYER_NAMES: readonly [abstract new (...args: never[]) => object, string][] = [
  [Affine, 'Affine'],
  [Relu, 'Relu'],
  [LeakyRelu, 'LeakyRelu'],
  [Sigmoid, 'Sigmoid'],
  [Tanh, 'Tanh'],
  [SoftmaxWithLoss, 'SoftmaxWithLoss'],
  [GaussianVarianceLoss, 'GaussianVarianceLoss'],
];

// The PyTorch-style losses a LossAdapter may wrap here.
const ADAPTED_NAMES: readonly [abstract new (...args: never[]) => object, string][] = [
  [BCEWithLogitsLoss, 'BCEWithLogitsLoss'],
];

const nameIn = (
  table: readonly [abstract new (...args: never[]) => object, string][],
  layer: object,
  fallback: string,
): string => table.find(([kind]) => layer instanceof kind)?.[1] ?? fallback;

/**
 * The book's name of a layer's class ('Layer' for one this panel does not know); a LossAdapter
 * names the loss it wraps: 'LossAdapter(BCEWithLogitsLoss)', or 'LossAdapter(loss)'.
 */
export function layerName(layer: object): string {
  if (layer instanceof LossAdapter)
    return `LossAdapter(${nameIn(ADAPTED_NAMES, layer.loss as object, 'loss')})`;
  return nameIn(LAYER_NAMES, layer, 'Layer');
}

/** Shape and first numbers of a tensor, copied (layers reuse their buffers). */
export function peek(t: Tensor): TensorPeek {
  return { shape: fmtShape(t.shape), head: Array.from(t.data.subarray(0, PEEK)) };
}

/** What a layer caches, named as in the book's layers (ch05 §5.5–5.6). */
function cachedBy(layer: Layer, input: Tensor, output: Tensor): Record<string, TensorPeek> {
  const name = layerName(layer);
  if (name === 'Relu' || name === 'LeakyRelu') {
    // The mask of the inputs at or below 0, where backward stops (or scales) the gradient.
    const mask = input.data.map((v) => (v <= 0 ? 1 : 0));
    return { mask: { shape: fmtShape(input.shape), head: Array.from(mask.subarray(0, PEEK)) } };
  }
  if (name === 'Sigmoid' || name === 'Tanh') return { out: peek(output) };
  return { x: peek(input) };
}

/** The shape of the targets as given: a tensor's own shape, or (N,) for an index per row. */
function labelShape(t: Labels, rows: number): string {
  return t instanceof Tensor ? fmtShape(t.shape) : `(${rows},)`;
}

/**
 * What a loss layer keeps from forward for backward, named as in its source: SoftmaxWithLoss
 * y = softmax(scores) and t; BCEWithLogitsLoss (in a LossAdapter) its input z and t, read in z's
 * shape; GaussianVarianceLoss the raw s of σ² = softplus(s), with GaussianNLLLoss's μ, σ² and t.
 * Any other: its input and t.
 */
function lossCached(lastLayer: LossLayer, scores: Tensor, t: Labels): Record<string, TensorPeek> {
  const rows = scores.shape[0]!;
  const name = layerName(lastLayer);
  const targets = { shape: labelShape(t, rows), head: [] };
  if (name === 'SoftmaxWithLoss')
    return { y: { shape: fmtShape(scores.shape), head: [] }, t: targets };
  if (name === 'GaussianVarianceLoss') {
    const size = scores.shape[1]! / 2;
    const column = (from: number): TensorPeek => ({
      shape: fmtShape([rows, size]),
      head: Array.from(
        { length: Math.min(PEEK, rows) },
        (_, r) => scores.data[r * 2 * size + from]!,
      ),
    });
    const variance = gaussianVarianceHead.variance!(scores);
    return { μ: column(0), s: column(size), 'σ²': peek(variance), t: targets };
  }
  const sameShape =
    lastLayer instanceof LossAdapter ? { shape: fmtShape(scores.shape), head: [] } : targets;
  return { [name.startsWith('LossAdapter(BCE') ? 'z' : 'x']: peek(scores), t: sameShape };
}

/**
 * Runs a network's layers one by one over a batch, then backward from the loss, and records at
 * every layer what forward cached and the gradients it received and sent (the layers' own
 * forward and backward: this only watches). Returns the loss and the traces in forward order.
 */
export function traceBackprop(
  layers: readonly Layer[],
  lastLayer: LossLayer,
  x: Tensor,
  t: Labels,
): { loss: number; traces: LayerTrace[] } {
  const inputs: Tensor[] = [];
  const outputs: TensorPeek[] = [];
  const cached: Record<string, TensorPeek>[] = [];
  let h = x;
  for (const layer of layers) {
    inputs.push(h);
    const out = layer.forward(h, true);
    cached.push(cachedBy(layer, h, out));
    outputs.push(peek(out));
    h = out;
  }
  const lastCached = lossCached(lastLayer, h, t);
  const loss = lastLayer.forward(h, t);
  let dout = lastLayer.backward(1);
  const traces: LayerTrace[] = [];
  const last: LayerTrace = {
    name: layerName(lastLayer),
    cached: lastCached,
    output: { shape: '()', head: [loss] },
    doutIn: { shape: '()', head: [1] },
    doutOut: peek(dout),
    grads: {},
  };
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const doutIn = peek(dout);
    dout = layer.backward(dout);
    const grads = Object.fromEntries(
      Object.entries(layer.grads).map(([k, g]) => [`d${k}`, peek(g)]),
    );
    traces.unshift({
      name: layerName(layer),
      cached: cached[i]!,
      output: outputs[i]!,
      doutIn,
      doutOut: peek(dout),
      grads,
    });
  }
  traces.push(last);
  return { loss, traces };
}
