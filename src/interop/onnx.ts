import { ACTIVATIONS, type Activation, type ActivationRecord } from '../models/activations.js';
import type { Network } from '../models/network.js';
import { HEAD_OUTPUTS } from './onnx-heads.js';
import { floatTensor, node, onnx, valueInfo, type Initializer, type Node } from './onnx-nodes.js';
import type { HeadName } from '../heads/head.js';

/** The ONNX operator set the exported graphs use (Gemm, MatMul, Relu, Sigmoid, Tanh, LeakyRelu, Softmax, Div, Sub). */
export const ONNX_OPSET = 13;

/**
 * How raw data becomes the network's input, so the ONNX graph takes data in its own units:
 * - `divide`: x / by (MNIST pixels 0…255 ÷ 255, as gradlab's training batches);
 * - `standardize`: (x − mean) / std per feature (a CSV's saved standardisation);
 * - `none`: the network's input as is.
 */
export type OnnxInputScaling =
  | { readonly kind: 'divide'; readonly by: number }
  | {
      readonly kind: 'standardize';
      readonly mean: readonly number[];
      readonly std: readonly number[];
    }
  | { readonly kind: 'none' };

/** Options of toOnnx. */
export interface ToOnnxOptions {
  /** Input scaling folded into the graph (default: pixels ÷ 255). */
  readonly input?: OnnxInputScaling;
  /**
   * The likelihood head whose output transform follows `logits` (see HEAD_OUTPUTS): 'categorical'
   * (the default: softmax `probabilities`), 'bernoulli', 'gaussian', 'gaussian-variance',
   * 'laplace', 'poisson', or 'none' for `logits` alone.
   */
  readonly head?: HeadName | 'none';
  /** The graph's name (default 'gradlab'). */
  readonly name?: string;
}

/** The ONNX node of a hidden activation, from its record in the activations table. */
function activationNode(activation: Activation, input: string, output: string): Node {
  const record: ActivationRecord = ACTIVATIONS[activation];
  const { op, attributes } = record.onnx;
  return node(op, [input], output, { ...attributes });
}

/**
 * A network as an ONNX model (protobuf bytes, opset 13, float32): one input `x` (N, inputSize)
 * in the data's own units, scaling folded in; each Affine layer a Gemm (x·W + b) or, for
 * SimpleNet's bias-free W, a MatMul; the hidden activation after each but the last (Relu,
 * Sigmoid, Tanh or LeakyRelu); dropout left out (the identity at inference). Outputs `logits`
 * (N, outputSize), the raw scores or the head's parameters, then the head's transform: for a
 * classifier `probabilities` = softmax(logits) along axis 1 (see HEAD_OUTPUTS for the others).
 *   logits = A_L(…σ(A_1(scale(x)))…),  A_k(h) = h·W_k + b_k.
 * Shapes: x (N, inputSize) → logits (N, outputSize), probabilities (N, outputSize).
 * @example
 * const bytes = toOnnx(net);                         // Uint8Array, an .onnx file
 * const session = await InferenceSession.create(bytes); // onnxruntime: same logits as net.predict
 * // not run: needs onnxruntime and a network
 */
export function toOnnx(network: Network, options: ToOnnxOptions = {}): Uint8Array {
  const { config, params } = network;
  const nodes: Node[] = [];
  const init: Initializer[] = [];
  const scaling = options.input ?? { kind: 'divide', by: 255 };
  let h = 'x';
  if (scaling.kind === 'divide') {
    init.push(floatTensor('input_scale', [], [scaling.by]));
    nodes.push(node('Div', [h, 'input_scale'], 'x_scaled'));
    h = 'x_scaled';
  } else if (scaling.kind === 'standardize') {
    init.push(floatTensor('input_mean', [config.inputSize], scaling.mean));
    init.push(floatTensor('input_std', [config.inputSize], scaling.std));
    nodes.push(node('Sub', [h, 'input_mean'], 'x_centred'));
    nodes.push(node('Div', ['x_centred', 'input_std'], 'x_scaled'));
    h = 'x_scaled';
  }
  const weights =
    config.kind === 'simple' ? ['W'] : Object.keys(params).filter((k) => /^W\d+$/.test(k));
  const activation = (i: string, o: string): Node => activationNode(config.activation, i, o);
  if (activation === undefined)
    throw new Error(`toOnnx: no ONNX form for activation '${config.activation}'`);
  weights.forEach((name, k) => {
    const W = params[name];
    const last = k === weights.length - 1;
    const out = last ? 'logits' : `affine${k + 1}`;
    init.push(floatTensor(name, W.shape, W.data));
    const b = params[`b${k + 1}`];
    if (config.kind === 'simple' || b === undefined) {
      nodes.push(node('MatMul', [h, name], out));
    } else {
      init.push(floatTensor(`b${k + 1}`, b.shape, b.data));
      nodes.push(node('Gemm', [h, name, `b${k + 1}`], out));
    }
    h = out;
    if (!last) {
      nodes.push(activation(h, `hidden${k + 1}`));
      h = `hidden${k + 1}`;
    }
  });
  const outputs = [valueInfo('logits', ['N', config.outputSize])];
  const head = options.head ?? 'categorical';
  if (head !== 'none') {
    const extra = HEAD_OUTPUTS[head](config.outputSize);
    nodes.push(...extra.nodes);
    init.push(...extra.initializers);
    outputs.push(...extra.outputs);
  }
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'gradlab',
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    graph: {
      name: options.name ?? 'gradlab',
      node: nodes,
      initializer: init,
      input: [valueInfo('x', ['N', config.inputSize])],
      output: outputs,
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
