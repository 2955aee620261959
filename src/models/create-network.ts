import { randn, tensor } from '../tensor/creation.js';
import { copyInto } from '../tensor/ops/inplace.js';
import type { Rng } from '../tensor/rng.js';
import { fmtShape, sameShape, type Tensor } from '../tensor/tensor.js';
import { ModelError } from './model-error.js';
import { MultiLayerNet } from './multi-layer-net.js';
import type { Network, NetworkConfig } from './network.js';
import { SimpleNet } from './simple-net.js';
import { TwoLayerNet } from './two-layer-net.js';

/**
 * A fresh network of the architecture a config describes (the config of a saved model, say), with
 * weights drawn from `rng`. Follow with loadParams to restore saved weights.
 * A two-layer config needs exactly one hidden size; its weightInit must be a number (σ) or absent (0.01).
 * @example
 * const net = createNetwork(saved.config, createRng(0));
 * loadParams(net, saved.params);
 */
export function createNetwork(config: NetworkConfig, rng: Rng): Network {
  const { kind, inputSize, hiddenSizes, outputSize, activation, dtype, weightInit } = config;
  switch (kind) {
    case 'two-layer': {
      if (hiddenSizes.length !== 1) {
        throw new ModelError(
          `createNetwork: a two-layer config needs 1 hidden size, got [${hiddenSizes.join(', ')}]`,
        );
      }
      if (weightInit !== undefined && typeof weightInit !== 'number') {
        throw new ModelError(
          `createNetwork: a two-layer config's weightInit must be a number, got '${weightInit}'`,
        );
      }
      return new TwoLayerNet(inputSize, hiddenSizes[0], outputSize, {
        activation,
        dtype,
        rng,
        weightInitStd: weightInit,
      });
    }
    case 'multi-layer':
      return new MultiLayerNet({
        inputSize,
        hiddenSizes,
        outputSize,
        activation,
        dtype,
        rng,
        weightInit,
        weightDecay: config.weightDecay,
        dropout: config.dropout,
      });
    case 'simple':
      return new SimpleNet(randn([inputSize, outputSize], rng, { dtype }));
    default:
      throw new ModelError(
        `createNetwork: kind must be 'two-layer', 'multi-layer' or 'simple', got '${String(kind)}'`,
      );
  }
}

/**
 * Copies saved parameters into a network's own tensors (in place: the layers keep seeing them).
 * Names must match exactly and shapes must be equal; values of another dtype are converted.
 * @example loadParams(net, { W1, b1, W2, b2 });
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
