import { encodeSafetensors } from '../io/safetensors.js';
import type { HeadName } from '../heads/head.js';
import type { Network } from '../models/network.js';
import { toStateDict } from './state-dict.js';

/** The `format` metadata value of a model file in PyTorch's nn.Sequential state-dict layout. */
export const PYTORCH_FORMAT = 'pytorch-sequential';

/**
 * What train.py needs to continue a run as gradlab did: data preparation, loss, update rule and
 * its hyperparameters (gradlab's names; train.py maps them onto torch.optim).
 */
export interface TorchTrainingConfig {
  /**
   * 'idx': an MNIST-style folder, pixels ÷ scale; 'csv': the named feature columns standardised
   * as (x − mean)/std, the target column (class names mapped to indices in `classes` order).
   */
  readonly data:
    | { readonly kind: 'idx'; readonly scale: number }
    | {
        readonly kind: 'csv';
        readonly features: readonly string[];
        readonly target: string;
        readonly mean: readonly number[];
        readonly std: readonly number[];
        readonly classes?: readonly string[];
      };
  /** The likelihood head, which fixes the loss (categorical: cross-entropy, gaussian: MSE, …). */
  readonly head: HeadName;
  readonly optimizer: string;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly weightDecay: number;
  readonly sampling: 'replacement' | 'shuffle';
  readonly seed: number;
}

/**
 * A network as a PyTorch state-dict safetensors file: `0.weight` (out, in), `0.bias`, `2.weight`, …
 * (see toStateDict), with `__metadata__` {format: 'pytorch-sequential', config: the gradlab
 * NetworkConfig as JSON}, which model.py's `load` and gradlab's loadModel read for the activation,
 * plus the caller's `extra` strings (a table model's `data`: features, scaling, head), which
 * train.py copies into the file it writes.
 * @example
 * writeFileAtomic('out/model.safetensors', encodeTorchModel(net)); // not run: writes a file
 */
export function encodeTorchModel(
  network: Network,
  extra: Readonly<Record<string, string>> = {},
): Uint8Array {
  return encodeSafetensors(toStateDict(network.params, network.config), {
    ...extra,
    format: PYTORCH_FORMAT,
    config: JSON.stringify(network.config),
  });
}

/**
 * train.py with its `CONFIG = …` line set to `config` (as json.loads of a string) (the template's other lines unchanged).
 * Throws when the template has no such line.
 * @example
 * trainScript(template, { data: { kind: 'idx', scale: 255 }, loss: 'cross-entropy', … }); // not run: abridged
 */
export function trainScript(template: string, config: TorchTrainingConfig): string {
  const line = /^CONFIG = .*$/m;
  if (!line.test(template)) throw new Error('trainScript: the template has no CONFIG = line');
  // A JSON string inside json.loads: JSON's true/false/null are not Python literals.
  return template.replace(
    line,
    () => `CONFIG = json.loads(${JSON.stringify(JSON.stringify(config))})`,
  );
}
