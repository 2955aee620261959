import type { Layer } from '../layers/layer.js';
import { LEAKY_RELU_SLOPE, LeakyRelu } from '../layers/leaky-relu.js';
import { Relu } from '../layers/relu.js';
import { Sigmoid } from '../layers/sigmoid.js';
import { Tanh } from '../layers/tanh.js';
import type { ScalarActivation } from '../numerical/scalar-activation.js';
import { ModelError } from './model-error.js';

/** What gradlab knows about one hidden activation (a record of {@link ACTIVATIONS}). */
export interface ActivationRecord {
  /** A new hidden layer computing it. */
  readonly layer: () => Layer;
  /** The weight init that keeps its activations spread: He for ReLU-like, Xavier for S-shaped (ch06 §6.2). */
  readonly init: 'he' | 'xavier';
  /** A short name for menus and help. */
  readonly label: string;
  /** The function of one float64 number, for the structured numerical gradient. */
  readonly scalar: ScalarActivation;
  /** Its ONNX operator and attributes, for export (e.g. LeakyRelu with alpha). */
  readonly onnx: { readonly op: string; readonly attributes?: Readonly<Record<string, number>> };
}

/**
 * Every hidden activation, by the name configs, the CLI and the playground use. Types
 * ({@link Activation}), validation ({@link activationFor}), the CLI's choices, the playground's menu
 * and the numerical gradient are read from here: adding one is a record here and its layer file.
 * Formulas: relu(x) = max(0, x); σ(x) = 1/(1 + e⁻ˣ), split by sign so exp never overflows;
 * tanh x; leakyRelu(x) = x if x > 0 else 0.01·x (PyTorch's default slope).
 * Shapes: each layer maps any shape to the same. Book: Relu, Sigmoid (ch05), tanh (ch03), He/Xavier (ch06).
 * @example
 * ACTIVATIONS.tanh.init; // → 'xavier'
 * ACTIVATIONS.relu.layer().forward(tensor([-1, 2])).toArray(); // → [0, 2]
 */
export const ACTIVATIONS = {
  relu: {
    layer: () => new Relu(),
    init: 'he',
    label: 'ReLU',
    scalar: { value: (v) => (v > 0 ? v : 0), slopeBound: 1, zeroAtOrBelowZero: true },
    onnx: { op: 'Relu' },
  },
  sigmoid: {
    layer: () => new Sigmoid(),
    init: 'xavier',
    label: 'Sigmoid',
    scalar: {
      value: (v) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v))),
      slopeBound: 0.25,
      logistic: true,
    },
    onnx: { op: 'Sigmoid' },
  },
  tanh: {
    layer: () => new Tanh(),
    init: 'xavier',
    label: 'Tanh',
    scalar: { value: Math.tanh, slopeBound: 1 },
    onnx: { op: 'Tanh' },
  },
  leakyRelu: {
    layer: () => new LeakyRelu(),
    init: 'he',
    label: 'Leaky ReLU',
    scalar: { value: (v) => (v > 0 ? v : LEAKY_RELU_SLOPE * v), slopeBound: 1 },
    onnx: { op: 'LeakyRelu', attributes: { alpha: LEAKY_RELU_SLOPE } },
  },
} as const satisfies Record<string, ActivationRecord>;

/** A hidden activation's name: a key of {@link ACTIVATIONS}. */
export type Activation = keyof typeof ACTIVATIONS;

/**
 * The activation names in table order (the CLI's choices, the playground's options).
 * @example ACTIVATION_NAMES; // → ['relu', 'sigmoid', 'tanh', 'leakyRelu']
 */
export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as readonly Activation[];

/**
 * Whether `name` is a key of {@link ACTIVATIONS} (own keys only: 'toString' is not one).
 * @example isActivation('tanh'); // → true
 */
export function isActivation(name: unknown): name is Activation {
  return typeof name === 'string' && Object.hasOwn(ACTIVATIONS, name);
}

/**
 * The record of an activation, or a ModelError naming where it was asked for and the choices.
 * @example activationFor('MultiLayerNet', 'gelu'); // → throws ModelError: MultiLayerNet: activation must be one of relu, sigmoid, tanh, leakyRelu, got 'gelu'
 */
export function activationFor(where: string, name: unknown): ActivationRecord {
  if (!isActivation(name)) {
    throw new ModelError(
      `${where}: activation must be one of ${ACTIVATION_NAMES.join(', ')}, got '${String(name)}'`,
    );
  }
  return ACTIVATIONS[name];
}
