import type { SafetensorsTensor } from '../io/safetensors.js';
import { createNetwork, loadParams } from '../models/create-network.js';
import type { Network, NetworkConfig } from '../models/network.js';
import type { Activation } from '../models/activations.js';
import { fromStateDict, StateDictError } from '../interop/state-dict.js';
import { createRng } from '../tensor/rng.js';
import { checkNetworkConfig } from '../models/check-network-config.js';

/**
 * A network from a PyTorch nn.Sequential state dict. The activation is `activation` when given,
 * else the one in the `config` metadata that gradlab's PyTorch export writes (and train.py keeps);
 * a file with neither is a StateDictError asking for it.
 * @example
 * const net = loadStateDict(tensors, {}, 'torch.safetensors', 'relu'); // not run: needs a state dict
 */
export function loadStateDict(
  tensors: Record<string, SafetensorsTensor>,
  metadata: Record<string, string>,
  source: string,
  activation: Activation | undefined,
): Network {
  let saved: NetworkConfig | undefined;
  if (metadata.config !== undefined) {
    try {
      saved = checkNetworkConfig(JSON.parse(metadata.config));
    } catch (e) {
      throw new StateDictError(source, `metadata field config is invalid: ${(e as Error).message}`);
    }
  }
  const chosen = activation ?? saved?.activation;
  if (chosen === undefined) {
    throw new StateDictError(
      source,
      'a PyTorch state dict does not record its hidden activation: give one (the activation option)',
    );
  }
  const { config, params } = fromStateDict(tensors, { activation: chosen, source });
  // The shapes decide the sizes and dtype; a saved config keeps its kind, dropout and decay.
  const merged: NetworkConfig =
    saved === undefined
      ? config
      : {
          ...config,
          kind: saved.kind === 'multi-layer' ? 'multi-layer' : config.kind,
          weightDecay: saved.weightDecay,
          dropout: saved.dropout,
          weightInit: saved.weightInit,
        };
  const network = createNetwork(merged, createRng(0));
  loadParams(network, params);
  return network;
}
