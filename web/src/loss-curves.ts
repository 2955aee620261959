import { fromArray, numericalDiff, type Tensor } from 'gradlab';
import type { MessageKey } from './i18n/i18n.js';

/**
 * What the Losses panel needs to know about a loss (its controls and how to sample it), and the
 * three ways of sampling one: a loss class elementwise, a class-score loss row by row, and a
 * book function with its slope by numerical differentiation.
 */

/** A control for one loss option: a number slider or a checkbox. */
export type OptionControl =
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: 'number';
      readonly min: number;
      readonly max: number;
      readonly step: number;
      readonly value: number;
    }
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: 'boolean';
      readonly value: boolean;
    };

/** Option values by key, as the controls hold them. */
export type OptionValues = Readonly<Record<string, number | boolean>>;

/** The target control: a slider, a choice of values, or fixed (class 0 for class-index losses). */
export type TargetControl =
  | {
      readonly kind: 'range';
      readonly label: string;
      readonly min: number;
      readonly max: number;
      readonly step: number;
      readonly value: number;
    }
  | { readonly kind: 'choice'; readonly label: string; readonly values: readonly number[] }
  | { readonly kind: 'fixed'; readonly label: string };

/** One loss of the Losses panel: how to draw ℓ(x; t) and ∂ℓ/∂x against the input x. */
export interface LossEntry {
  readonly id: string;
  readonly group: 'Book (ch. 4)' | 'PyTorch: regression' | 'PyTorch: classification';
  readonly label: string;
  readonly formula: string;
  /** The x axis's title, a message key (the page puts it in its language). */
  readonly xLabel: Extract<MessageKey, `losses.axis.${string}`>;
  readonly xDomain: (o: OptionValues) => readonly [number, number];
  readonly target: TargetControl;
  readonly options: readonly OptionControl[];
  /** Loss and gradient at every x (reduction 'none': one element per x). */
  readonly curves: (
    x: Float64Array,
    t: number,
    o: OptionValues,
  ) => { loss: Float64Array; grad: Float64Array };
}

/** The elements of x as a float64 column, t repeated beside it. */
const column = (x: Float64Array): Tensor => fromArray(x, [x.length], { dtype: 'float64' });
const repeat = (t: number, n: number): Tensor =>
  fromArray(new Float64Array(n).fill(t), [n], { dtype: 'float64' });

interface ElementwiseLoss {
  forward(input: Tensor, target: Tensor): number | Tensor;
  backward(dout?: number): Tensor;
}

/** Runs a PyTorch-style loss class elementwise: forward with reduction 'none', backward(1). */
export function elementwise(make: (o: OptionValues) => ElementwiseLoss) {
  return (x: Float64Array, t: number, o: OptionValues) => {
    const loss = make(o);
    const value = loss.forward(column(x), repeat(t, x.length));
    return {
      loss: Float64Array.from((value as Tensor).data),
      grad: Float64Array.from(loss.backward(1).data),
    };
  };
}

interface ClassLoss {
  forward(input: Tensor, target: Int32Array): number | Tensor;
  backward(dout?: number): Tensor;
}

/**
 * Runs a class-score loss on rows whose class-0 score is x and whose other C − 1 scores are 0,
 * target class 0: the curve shows how the loss falls as the right class's score rises.
 */
export function classRows(make: (o: OptionValues) => ClassLoss, fill = 0) {
  return (x: Float64Array, _t: number, o: OptionValues) => {
    const classes = Number(o.classes ?? 10);
    const rows = new Float64Array(x.length * classes).fill(fill);
    x.forEach((v, i) => (rows[i * classes] = v));
    const loss = make(o);
    const value = loss.forward(
      fromArray(rows, [x.length, classes], { dtype: 'float64' }),
      new Int32Array(x.length),
    );
    const g = loss.backward(1).data;
    return {
      loss: Float64Array.from((value as Tensor).data),
      grad: Float64Array.from(x, (_, i) => g[i * classes]!),
    };
  };
}

/** A book function without backward: its values, and the slope by numericalDiff (ch. 4). */
export function bookFunction(f: (x: number, t: number) => number) {
  return (x: Float64Array, t: number) => ({
    loss: x.map((v) => f(v, t)),
    grad: x.map((v) => numericalDiff((u) => f(u, t), v)),
  });
}
