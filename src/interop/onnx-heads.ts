import type { HeadName } from '../heads/head.js';
import {
  floatTensor,
  intTensor,
  node,
  valueInfo,
  type Initializer,
  type Node,
} from './onnx-nodes.js';

/** What a head adds after `logits`: nodes, constants and the extra graph outputs. */
export interface HeadGraph {
  readonly nodes: Node[];
  readonly initializers: Initializer[];
  readonly outputs: ReturnType<typeof valueInfo>[];
}

const none: HeadGraph = { nodes: [], initializers: [], outputs: [] };

/**
 * Each head's output transform as ONNX nodes on `logits` (N, K), the same as the head's predict
 * (and variance):
 * - categorical: probabilities = softmax(logits) along axis 1;
 * - bernoulli: probabilities = σ(logits);
 * - gaussian, laplace: none (logits is the mean / location);
 * - gaussian-variance: mean = logits[:, :D], variance = max(softplus(logits[:, D:]), 1e-6), K = 2D;
 * - poisson: rate = exp(logits).
 * Shapes: logits (N, K) → each output (N, K), or (N, K/2) for gaussian-variance.
 * @example HEAD_OUTPUTS.poisson(3).outputs[0].name; // 'rate'
 */
export const HEAD_OUTPUTS: Readonly<Record<HeadName, (k: number) => HeadGraph>> = {
  categorical: (k) => ({
    nodes: [node('Softmax', ['logits'], 'probabilities', { axis: 1 })],
    initializers: [],
    outputs: [valueInfo('probabilities', ['N', k])],
  }),
  bernoulli: (k) => ({
    nodes: [node('Sigmoid', ['logits'], 'probabilities')],
    initializers: [],
    outputs: [valueInfo('probabilities', ['N', k])],
  }),
  gaussian: () => none,
  laplace: () => none,
  'gaussian-variance': (k) => {
    const d = k / 2;
    return {
      nodes: [
        node('Slice', ['logits', 'mean_start', 'mean_end', 'columns'], 'mean'),
        node('Slice', ['logits', 'mean_end', 'variance_end', 'columns'], 'raw_variance'),
        node('Softplus', ['raw_variance'], 'softplus_variance'),
        node('Max', ['softplus_variance', 'variance_floor'], 'variance'),
      ],
      initializers: [
        intTensor('mean_start', [1], [0]),
        intTensor('mean_end', [1], [d]),
        intTensor('variance_end', [1], [k]),
        intTensor('columns', [1], [1]),
        floatTensor('variance_floor', [], [1e-6]),
      ],
      outputs: [valueInfo('mean', ['N', d]), valueInfo('variance', ['N', d])],
    };
  },
  poisson: (k) => ({
    nodes: [node('Exp', ['logits'], 'rate')],
    initializers: [],
    outputs: [valueInfo('rate', ['N', k])],
  }),
};
