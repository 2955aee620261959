import type { SafetensorsTensor } from '../io/safetensors.js';
import type { Activation } from '../models/activations.js';
import type { NetworkConfig, Params } from '../models/network.js';
import { fromArray } from '../tensor/creation.js';
import { fmtShape, type Tensor } from '../tensor/tensor.js';

/**
 * A safetensors file whose tensors do not form a stack of nn.Linear layers (named `K.weight`,
 * `K.bias` as an nn.Sequential's state_dict names them). Names the file.
 * @example
 * try { fromStateDict(tensors, { activation: 'relu', source: 'x.safetensors' }); } catch (e) { e instanceof StateDictError; }
 */
export class StateDictError extends Error {
  override readonly name = 'StateDictError';
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
  }
}

/**
 * The nn.Sequential index of each Affine layer: [Linear, activation, (Dropout)] per hidden layer,
 * then the last Linear, so with dropout the Linear layers sit at 0, 3, 6 …, without it at 0, 2, 4 …
 * @example sequentialIndices(3, 0); // [0, 2, 4]
 */
export function sequentialIndices(affineCount: number, dropout: number): number[] {
  const stride = dropout > 0 ? 3 : 2;
  return Array.from({ length: affineCount }, (_, k) => k * stride);
}

/** (rows, cols) row-major data → its transpose, in the same array type. */
function transposed(data: Float32Array | Float64Array, rows: number, cols: number) {
  const out = new (data.constructor as Float32ArrayConstructor | Float64ArrayConstructor)(
    rows * cols,
  );
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) out[j * rows + i] = data[i * cols + j];
  return out;
}

/**
 * A network's parameters under PyTorch's nn.Sequential state-dict names: Wₖ (in, out) becomes
 * `I.weight` (out, in) as nn.Linear stores it (transposed), bₖ becomes `I.bias`, I the layer's
 * Sequential index (see sequentialIndices). SimpleNet's bias-free W becomes `0.weight` alone.
 * Shapes: Wₖ (in, out) → I.weight (out, in); bₖ (out) → I.bias (out).
 * @example
 * const net = new TwoLayerNet(4, 3, 2);
 * Object.keys(toStateDict(net.params, net.config)); // → ['0.weight', '0.bias', '2.weight', '2.bias']
 */
export function toStateDict(
  params: Params,
  config: Pick<NetworkConfig, 'kind' | 'dropout'>,
): Record<string, SafetensorsTensor> {
  const out: Record<string, SafetensorsTensor> = {};
  const entry = (t: Tensor, data: Float32Array | Float64Array, shape: number[]) => ({
    dtype: t.dtype === 'float64' ? ('F64' as const) : ('F32' as const),
    shape,
    data,
  });
  const weight = (W: Tensor) => {
    const [rows, cols] = W.shape;
    return entry(W, transposed(W.data, rows, cols), [cols, rows]);
  };
  if (config.kind === 'simple') {
    out['0.weight'] = weight(params.W);
    return out;
  }
  const count = Object.keys(params).filter((k) => /^W\d+$/.test(k)).length;
  sequentialIndices(count, config.dropout).forEach((index, k) => {
    const W = params[`W${k + 1}`];
    const b = params[`b${k + 1}`];
    out[`${index}.weight`] = weight(W);
    out[`${index}.bias`] = entry(b, b.data, [b.shape[0]]);
  });
  return out;
}

/** Options of fromStateDict. */
export interface FromStateDictOptions {
  /** The hidden activation (a state dict does not record it). */
  readonly activation: Activation;
  /** The file name, for error messages. */
  readonly source: string;
}

/** An Affine stack read from a state dict: its architecture and gradlab-named parameters. */
export interface ImportedStateDict {
  readonly config: NetworkConfig;
  readonly params: Params;
}

/** Whether tensor names look like an nn.Sequential state dict (`0.weight`, `0.bias`, …). */
export function isStateDict(names: readonly string[]): boolean {
  return names.length > 0 && names.every((n) => /^\d+\.[A-Za-z_]+$/.test(n));
}

/**
 * Reads an nn.Sequential of nn.Linear layers (state-dict names `K.weight` (out, in), `K.bias` (out))
 * into gradlab's W1, b1, … in (in, out) layout; the architecture comes from the shapes: a
 * two-layer network for two Linear layers, a multi-layer one for more. Throws StateDictError
 * naming the tensor when the layout is not such a stack (another parameter kind, a weight that
 * is not 2-D, a missing bias, sizes that do not chain).
 * Shapes: I.weight (out, in) → Wₖ (in, out).
 * @example
 * const { config, params } = fromStateDict(tensors, { activation: 'relu', source: 'torch.safetensors' });
 * config.hiddenSizes; // e.g. [50] (not run: needs a state dict)
 */
export function fromStateDict(
  tensors: Record<string, SafetensorsTensor>,
  options: FromStateDictOptions,
): ImportedStateDict {
  const fail = (message: string): never => {
    throw new StateDictError(
      options.source,
      `${message}; expected an nn.Sequential of nn.Linear layers (K.weight (out, in), K.bias (out))`,
    );
  };
  const indices = new Set<number>();
  for (const name of Object.keys(tensors)) {
    const m = /^(\d+)\.(weight|bias)$/.exec(name);
    if (m === null) fail(`tensor ${name} is not a Linear layer's weight or bias`);
    else indices.add(Number(m[1]));
  }
  const order = [...indices].sort((a, b) => a - b);
  if (order.length < 2) fail(`found ${order.length} Linear layer(s), need at least 2`);
  const sizes: number[] = [];
  const params: Params = {};
  let float64 = false;
  order.forEach((index, k) => {
    const w = tensors[`${index}.weight`];
    const b = tensors[`${index}.bias`];
    if (w === undefined) fail(`tensor ${index}.weight is missing (${index}.bias has no weight)`);
    if (b === undefined) fail(`tensor ${index}.bias is missing (a Linear layer without bias)`);
    if (w.shape.length !== 2) fail(`tensor ${index}.weight is ${fmtShape(w.shape)}, not 2-D`);
    if (!(w.data instanceof Float32Array || w.data instanceof Float64Array))
      fail(`tensor ${index}.weight has dtype ${w.dtype}, expected F32 or F64`);
    if (!(b.data instanceof Float32Array || b.data instanceof Float64Array))
      fail(`tensor ${index}.bias has dtype ${b.dtype}, expected F32 or F64`);
    const [out, inp] = w.shape;
    if (b.shape.length !== 1 || b.shape[0] !== out)
      fail(`tensor ${index}.bias is ${fmtShape(b.shape)}, expected (${out},)`);
    if (k === 0) sizes.push(inp);
    else if (sizes[k] !== inp)
      fail(`tensor ${index}.weight takes ${inp} inputs but the layer before gives ${sizes[k]}`);
    sizes.push(out);
    float64 ||= w.dtype === 'F64';
  });
  const dtype = float64 ? 'float64' : 'float32';
  order.forEach((index, k) => {
    const w = tensors[`${index}.weight`];
    const [out, inp] = w.shape;
    const W = transposed(w.data as Float32Array | Float64Array, out, inp);
    params[`W${k + 1}`] = fromArray(W, [inp, out], { dtype });
    params[`b${k + 1}`] = fromArray(tensors[`${index}.bias`].data as Float32Array, [out], {
      dtype,
    });
  });
  return {
    config: {
      kind: sizes.length === 3 ? 'two-layer' : 'multi-layer',
      inputSize: sizes[0],
      hiddenSizes: sizes.slice(1, -1),
      outputSize: sizes[sizes.length - 1],
      activation: options.activation,
      weightDecay: 0,
      dropout: 0,
      dtype,
    },
    params,
  };
}
