import {
  createRng,
  gaussianBlobs,
  HEADS,
  tensor,
  type Head,
  type Labels,
  type Tensor,
} from 'gradlab';
import type { MessageKey } from './i18n/i18n.js';

/** The likelihood heads the Backprop panel offers, in menu order (categorical is the book's). */
export const BP_HEADS = ['categorical', 'bernoulli', 'gaussian-variance'] as const;
/** One of BP_HEADS: `bp-head` in the URL. */
export type BpHead = (typeof BP_HEADS)[number];

/** The menu label of each head. */
export const HEAD_LABELS: Readonly<Record<BpHead, MessageKey>> = {
  categorical: 'backprop.headCategorical',
  bernoulli: 'backprop.headBernoulli',
  'gaussian-variance': 'backprop.headGaussianVariance',
};

/** A line under the menu on what the net outputs and which loss trains it. */
export const HEAD_NOTES: Readonly<Record<BpHead, MessageKey>> = {
  categorical: 'backprop.noteCategorical',
  bernoulli: 'backprop.noteBernoulli',
  'gaussian-variance': 'backprop.noteGaussianVariance',
};

/**
 * The learning rate a head starts with. The gaussian-variance head's NLL is steeper: with 0.5
 * its loss rose over 300 iterations (1.21 → 1.53 at seed 0, 4.14 → 1.16 at seed 1), with 0.1 it
 * fell (1.21 → 0.57, 4.14 → 0.75, 1.28 → 0.80 at seeds 0, 1, 2).
 */
export const DEFAULT_LR: Readonly<Record<BpHead, number>> = {
  categorical: 0.5,
  bernoulli: 0.5,
  'gaussian-variance': 0.1,
};

/** Parses `bp-head` from the URL: absent or unknown means categorical. */
export function parseHead(raw: string | null): BpHead {
  return (BP_HEADS as readonly string[]).includes(raw ?? '') ? (raw as BpHead) : 'categorical';
}

/** A head's training problem: the data, its sizes, and a slice for the gradient check. */
export interface Problem {
  readonly name: BpHead;
  readonly head: Head;
  /** Shapes: (N, inputSize). */
  readonly x: Tensor;
  /** Class indices (N) for the blobs; real targets (N, 1) for the regression. */
  readonly t: Labels;
  readonly inputSize: number;
  readonly outputSize: number;
  /** Number of classes drawn as blobs (0 for the regression). */
  readonly classes: number;
  /** The first `k` rows of x and t. */
  batch(k: number): { x: Tensor; t: Labels };
}

const REGRESSION_POINTS = 120;
/** The regression's x range: x ~ U(−X_MAX, X_MAX). */
export const X_MAX = 3;

/**
 * Heteroscedastic 1-D data, so a learned σ(x) matters:
 *   x ~ U(−3, 3),  y = 1.5·sin x + (0.1 + 0.25·|x|)·ε,  ε ~ N(0, 1).
 * Shapes: x (120, 1), t (120, 1).
 */
export function noisySine(seed: number): { x: Tensor; t: Tensor } {
  const rng = createRng(seed);
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let n = 0; n < REGRESSION_POINTS; n++) {
    const x = -X_MAX + 2 * X_MAX * rng.next();
    xs.push([x]);
    ys.push([1.5 * Math.sin(x) + (0.1 + 0.25 * Math.abs(x)) * rng.normal()]);
  }
  return { x: tensor(xs), t: tensor(ys) };
}

function rows(x: Tensor, k: number): Tensor {
  const width = x.shape[1]!;
  return tensor(
    Array.from({ length: k }, (_, n) => Array.from(x.data.subarray(n * width, (n + 1) * width))),
  );
}

/** The data and sizes of head `name` for a seed (and the blobs' spread). */
export function makeProblem(name: BpHead, seed: number, spread: number): Problem {
  const head = HEADS[name];
  if (name === 'gaussian-variance') {
    const { x, t } = noisySine(seed);
    return {
      name,
      head,
      x,
      t,
      inputSize: 1,
      outputSize: head.outputSize(1),
      classes: 0,
      batch: (k) => ({ x: rows(x, k), t: rows(t, k) }),
    };
  }
  const classes = name === 'bernoulli' ? 2 : 3;
  const data = gaussianBlobs({ classes, perClass: 60, spread, rng: createRng(seed) });
  return {
    name,
    head,
    x: data.x,
    t: data.t,
    inputSize: 2,
    // Bernoulli: one logit z per point, P(y = 1) = σ(z).
    outputSize: name === 'bernoulli' ? head.outputSize(1) : classes,
    classes,
    batch: (k) => ({ x: rows(data.x, k), t: data.t.slice(0, k) }),
  };
}
