import type { Layer } from '../layers/layer.js';
import type { Network } from '../models/network.js';
import type { Tensor } from '../tensor/tensor.js';
import { DivergenceError, firstNonFinite } from './divergence.js';

/** A network that exposes its layers in forward order (TwoLayerNet and MultiLayerNet do). */
interface LayeredNetwork extends Network {
  readonly layers: readonly Layer[];
}

function hasLayers(network: Network): network is LayeredNetwork {
  const layers = (network as Partial<LayeredNetwork>).layers;
  return Array.isArray(layers) && layers.every((l) => typeof l?.forward === 'function');
}

/**
 * Anomaly detection (PyTorch's torch.autograd.detect_anomaly, for gradlab's layers): wraps the
 * forward and backward of each of the network's layers so that a NaN or ±Infinity in any
 * layer's output or input gradient throws a DivergenceError naming the layer (Affine1 forward,
 * Relu1 backward, …) in the step where it first appears. Costs one pass over every activation.
 * `where` supplies the iteration and learning rate for the message. Returns false when the
 * network does not expose its layers (the per-step loss/gradient/parameter checks still run).
 * @example
 * detectAnomalies(run.network, () => ({ iteration: run.iteration + 1, learningRate: opt.learningRate })); // not run: needs a training run
 */
export function detectAnomalies(
  network: Network,
  where: () => { iteration: number; learningRate: number },
): boolean {
  if (!hasLayers(network)) return false;
  const counts = new Map<string, number>();
  for (const layer of network.layers) {
    const kind = layer.constructor.name;
    const k = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, k);
    const name = `${kind}${k}`;
    const check = (t: Tensor, pass: 'forward' | 'backward'): Tensor => {
      const bad = firstNonFinite(t);
      if (bad !== undefined) {
        const { iteration, learningRate } = where();
        throw new DivergenceError(iteration, 'layer output', `${name} ${pass}`, bad, learningRate);
      }
      return t;
    };
    const forward = layer.forward.bind(layer);
    const backward = layer.backward.bind(layer);
    // Own properties shadow the class methods, so the network's own loops call the checked versions.
    Object.defineProperty(layer, 'forward', {
      value: (x: Tensor, train?: boolean) => check(forward(x, train), 'forward'),
    });
    Object.defineProperty(layer, 'backward', {
      value: (dout: Tensor) => check(backward(dout), 'backward'),
    });
  }
  return true;
}
