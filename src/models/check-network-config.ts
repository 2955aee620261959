import { ACTIVATION_NAMES, isActivation } from './activations.js';
import { ModelError } from './model-error.js';
import { isNetworkKind, NETWORK_KIND_NAMES, NETWORK_KINDS } from './network-kinds.js';
import type { NetworkConfig } from './network.js';

const show = (v: unknown): string =>
  typeof v === 'string' ? `'${v}'` : (JSON.stringify(v) ?? String(v));

/**
 * The one validator of a network config: the constructors check the config they are about to
 * build, createNetwork the one it is given, and the model-file and checkpoint loaders the one they
 * read, so a hand-edited file fails with the same one-line message as a bad constructor call.
 * Checks: kind is a key of NETWORK_KINDS with its number of hidden layers; every size a positive
 * integer; activation a key of ACTIVATIONS; dtype float32 or float64; weightDecay finite ≥ 0;
 * dropout in [0, 1); weightInit absent, 'std', 'he', 'xavier' or a finite σ ≥ 0 (a number for
 * two-layer). Throws a ModelError naming `where` (when given) and the field; returns the config typed.
 * Shapes: none (a config, not tensors).
 * @example
 * checkNetworkConfig({ kind: 'conv' }); // → throws ModelError
 */
export function checkNetworkConfig(config: unknown, where?: string): NetworkConfig {
  const at = where === undefined ? '' : `${where}: `;
  const fail = (message: string): never => {
    throw new ModelError(at + message);
  };
  if (typeof config !== 'object' || config === null || Array.isArray(config))
    fail(`the config must be an object, got ${show(config)}`);
  const c = config as Partial<Record<keyof NetworkConfig, unknown>>;
  const size = (name: string, v: unknown): void => {
    if (!(Number.isSafeInteger(v) && (v as number) > 0))
      fail(`${name} must be a positive integer, got ${show(v)}`);
  };
  if (!isNetworkKind(c.kind))
    return fail(`kind must be one of ${NETWORK_KIND_NAMES.join(', ')}, got ${show(c.kind)}`);
  const kind = c.kind;
  size('inputSize', c.inputSize);
  size('outputSize', c.outputSize);
  if (!Array.isArray(c.hiddenSizes))
    fail(`hiddenSizes must be an array of positive integers, got ${show(c.hiddenSizes)}`);
  const hidden = c.hiddenSizes as unknown[];
  hidden.forEach((h, i) => size(`hiddenSizes[${i}]`, h));
  const layers = NETWORK_KINDS[kind].hiddenLayers;
  if (layers !== 'any' && hidden.length !== layers)
    fail(
      `a ${kind} config needs ${layers} hidden size${layers === 1 ? '' : 's'}, got [${hidden.join(', ')}]`,
    );
  if (!isActivation(c.activation))
    fail(`activation must be one of ${ACTIVATION_NAMES.join(', ')}, got ${show(c.activation)}`);
  if (c.dtype !== 'float32' && c.dtype !== 'float64')
    fail(`dtype must be float32 or float64, got ${show(c.dtype)}`);
  const decay = c.weightDecay;
  if (!(typeof decay === 'number' && Number.isFinite(decay) && decay >= 0))
    fail(`weightDecay must be a finite number ≥ 0, got ${show(decay)}`);
  const dropout = c.dropout;
  if (!(typeof dropout === 'number' && dropout >= 0 && dropout < 1))
    fail(`dropout must be in [0, 1), got ${show(dropout)}`);
  const init = c.weightInit;
  const sigma = typeof init === 'number' && Number.isFinite(init) && init >= 0;
  if (
    init !== undefined &&
    !sigma &&
    !(kind !== 'two-layer' && (init === 'std' || init === 'he' || init === 'xavier'))
  ) {
    fail(
      kind === 'two-layer'
        ? `a two-layer config's weightInit must be a finite σ ≥ 0, got ${show(init)}`
        : `weightInit must be 'std', 'he', 'xavier' or a finite σ ≥ 0, got ${show(init)}`,
    );
  }
  return config as NetworkConfig;
}
