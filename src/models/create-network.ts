import { randn, tensor } from '../tensor/creation.js';
import { copyInto } from '../tensor/ops/inplace.js';
import type { Rng } from '../tensor/rng.js';
import { fmtShape, sameShape, type Tensor } from '../tensor/tensor.js';
import type { LossLayer } from '../layers/layer.js';
import { checkNetworkConfig } from './check-network-config.js';
import { ModelError } from './model-error.js';
import { MultiLayerNet } from './multi-layer-net.js';
import type { NetworkKind } from './network-kinds.js';
import type { Network, NetworkConfig } from './network.js';
import { SimpleNet } from './simple-net.js';
import { TwoLayerNet } from './two-layer-net.js';

/** Builds a network of one kind from a checked config. */
type NetworkBuilder = (config: NetworkConfig, rng: Rng, lastLayer?: LossLayer) => Network;

/** How each kind of NETWORK_KINDS is built from its config (the compiler checks every kind has one). */
const BUILDERS: { readonly [K in NetworkKind]: NetworkBuilder } = {
  simple: (c, rng) => new SimpleNet(randn([c.inputSize, c.outputSize], rng, { dtype: c.dtype })),
  'two-layer': (c, rng, lastLayer) =>
    new TwoLayerNet(c.inputSize, c.hiddenSizes[0], c.outputSize, {
      activation: c.activation,
      dtype: c.dtype,
      rng,
      weightInitStd: c.weightInit as number | undefined,
      lastLayer,
    }),
  'multi-layer': (c, rng, lastLayer) =>
    new MultiLayerNet({
      inputSize: c.inputSize,
      hiddenSizes: c.hiddenSizes,
      outputSize: c.outputSize,
      activation: c.activation,
      dtype: c.dtype,
      rng,
      weightInit: c.weightInit,
      weightDecay: c.weightDecay,
      dropout: c.dropout,
      lastLayer,
    }),
};

/**
 * A fresh network of the architecture a config describes (the config of a saved model, say), with
 * weights drawn from `rng`. Follow with loadParams to restore saved weights. The config is checked
 * by checkNetworkConfig first (a two-layer config needs one hidden size and a numeric weightInit).
 * `lastLayer` ends a two- or multi-layer network in another loss (a likelihood head's; default
 * SoftmaxWithLoss); SimpleNet keeps its own.
 * @example
 * const net = createNetwork(saved.config, createRng(0));
 * loadParams(net, saved.params); // not run: needs a saved model
 */
export function createNetwork(config: NetworkConfig, rng: Rng, lastLayer?: LossLayer): Network {
  const checked = checkNetworkConfig(config, 'createNetwork');
  return BUILDERS[checked.kind](checked, rng, lastLayer);
}

/**
 * Copies saved parameters into a network's own tensors (in place: the layers keep seeing them).
 * Names must match exactly and shapes must be equal; values of another dtype are converted.
 * @example loadParams(net, { W1, b1, W2, b2 }); // not run: needs the weights
 */
export function loadParams(net: Network, params: Readonly<Record<string, Tensor>>): void {
  const expected = Object.keys(net.params);
  const extra = Object.keys(params).filter((k) => !(k in net.params));
  const missing = expected.filter((k) => !(k in params));
  if (extra.length > 0 || missing.length > 0) {
    throw new ModelError(
      `loadParams: the network has parameters [${expected.join(', ')}], got [${Object.keys(params).join(', ')}]` +
        (missing.length > 0 ? `; missing ${missing.join(', ')}` : '') +
        (extra.length > 0 ? `; unexpected ${extra.join(', ')}` : ''),
    );
  }
  for (const key of expected) {
    const dst = net.params[key];
    const src = params[key];
    if (!sameShape(dst.shape, src.shape)) {
      throw new ModelError(
        `loadParams: ${key} must have shape ${fmtShape(dst.shape)}, got ${fmtShape(src.shape)}`,
      );
    }
    copyInto(tensor(src, { dtype: dst.dtype }), dst);
  }
}
