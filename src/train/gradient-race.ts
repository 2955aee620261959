import { gaussianBlobs } from '../data/synthetic.js';
import { TwoLayerNet } from '../models/two-layer-net.js';
import type { Params } from '../models/network.js';
import { numericalGradient } from '../numerical/numerical-gradient.js';
import { axpyInPlace } from '../tensor/ops/inplace.js';
import { createRng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';

/** How a lane of the race gets its gradient. */
export type GradientMethod = 'numerical' | 'backprop';

/** The two lanes, in the order the book meets them (ch04, then ch05). */
export const GRADIENT_METHODS: readonly GradientMethod[] = ['numerical', 'backprop'];

/** Options of {@link GradientRace}. */
export interface GradientRaceOptions {
  /** Features per sample D (default 10): the number of weights, hence numerical's cost, grows with it. */
  inputSize?: number;
  /** Hidden units H (default 10). */
  hiddenSize?: number;
  /** Classes C (default 3). */
  classes?: number;
  /** Samples per class (default 20); every step uses the whole set (full batch). */
  perClass?: number;
  /** σ of each blob around its centre (default 1: the classes overlap a little). */
  spread?: number;
  /** SGD learning rate η (default 0.1). */
  learningRate?: number;
  /** Seeds the data and the initial weights, the same for both lanes (default 0). */
  seed?: number;
  /** A clock in milliseconds (default performance.now). */
  now?: () => number;
}

/** One lane's progress: steps taken, the loss before each step and when it was measured. */
export interface RaceLane {
  readonly method: GradientMethod;
  /** SGD steps taken. */
  readonly iteration: number;
  /** Milliseconds spent computing gradients and updating, over all steps. */
  readonly elapsedMs: number;
  /** The loss before step k (k = 0 … iteration − 1). */
  readonly losses: readonly number[];
  /** elapsedMs when step k finished. */
  readonly times: readonly number[];
}

interface LaneState {
  readonly net: TwoLayerNet;
  iteration: number;
  elapsedMs: number;
  readonly losses: number[];
  readonly times: number[];
}

/**
 * The chapter 4 → 5 lesson as a race: two copies of the same two-layer net (same data, same
 * initial weights, full-batch SGD), one trained with the book's numerical gradient (central
 * differences, 2 losses per parameter: 2P forward passes for P = DH + H + HC + C parameters), the
 * other with backpropagation (one forward and one backward pass). Both follow the same loss
 * curve step for step, since the gradients agree to about 1e-9; the numerical lane is slower by
 * about P times. `advance` shares a time budget so both lanes get the same compute time.
 * Shapes: x (C·perClass, D), t (C·perClass) class indices.
 * Book: TwoLayerNet.numerical_gradient (ch04 §4.5) vs TwoLayerNet.gradient (ch05 §5.7.2), and
 * the speed remark of ch05 §5.7.3.
 * @example
 * const race = new GradientRace({ inputSize: 2, hiddenSize: 4 });
 * race.step('numerical'); race.step('backprop');
 * race.lane('numerical').losses[0] === race.lane('backprop').losses[0]; // → true
 */
export class GradientRace {
  /** The training set both lanes fit. */
  readonly x: Tensor;
  readonly t: Int32Array;
  /** P, the number of parameters: numerical evaluates the loss 2P times per step. */
  readonly parameterCount: number;
  readonly learningRate: number;
  readonly #now: () => number;
  readonly #lanes: Record<GradientMethod, LaneState>;

  constructor(options: GradientRaceOptions = {}) {
    const {
      inputSize = 10,
      hiddenSize = 10,
      classes = 3,
      perClass = 20,
      spread = 1,
      learningRate = 0.1,
      seed = 0,
      now = () => performance.now(),
    } = options;
    if (!(Number.isFinite(learningRate) && learningRate > 0)) {
      throw new RangeError(
        `GradientRace: learningRate must be a finite number > 0, got ${String(learningRate)}`,
      );
    }
    const data = gaussianBlobs({
      classes,
      perClass,
      spread,
      dims: inputSize,
      rng: createRng(seed),
    });
    this.x = data.x;
    this.t = data.t;
    this.learningRate = learningRate;
    this.#now = now;
    const lane = (): LaneState => ({
      net: new TwoLayerNet(inputSize, hiddenSize, classes, {
        weightInitStd: 0.5,
        rng: createRng(seed + 1),
      }),
      iteration: 0,
      elapsedMs: 0,
      losses: [],
      times: [],
    });
    this.#lanes = { numerical: lane(), backprop: lane() };
    const params = this.#lanes.backprop.net.params;
    this.parameterCount = Object.values(params).reduce((n, p) => n + p.size, 0);
  }

  /** A lane's progress (live views: read them, do not keep them across steps). */
  lane(method: GradientMethod): RaceLane {
    const { iteration, elapsedMs, losses, times } = this.#lanes[method];
    return { method, iteration, elapsedMs, losses, times };
  }

  /** The gradient of the loss on the whole set by `method`, and the loss before the step. */
  gradient(method: GradientMethod): { loss: number; grads: Params } {
    const { net } = this.#lanes[method];
    if (method === 'backprop') return net.gradient(this.x, this.t, { reuse: true });
    // The book's loop: numerical_gradient(loss_W, params[key]) for each key.
    const lossW = (): number => net.loss(this.x, this.t);
    const loss = lossW();
    const grads: Params = {};
    for (const [key, p] of Object.entries(net.params)) grads[key] = numericalGradient(lossW, p);
    return { loss, grads };
  }

  /** One timed SGD step of a lane: W ← W − η·∂L/∂W. Returns the loss before the step. */
  step(method: GradientMethod): number {
    const state = this.#lanes[method];
    const start = this.#now();
    const { loss, grads } = this.gradient(method);
    for (const [key, p] of Object.entries(state.net.params))
      axpyInPlace(p, -this.learningRate, grads[key]!);
    state.elapsedMs += this.#now() - start;
    state.iteration++;
    state.losses.push(loss);
    state.times.push(state.elapsedMs);
    return loss;
  }

  /**
   * Runs steps for about `budgetMs` in all, always stepping the lane that has used less time,
   * so both lanes get equal compute time (the slower one takes fewer steps).
   */
  advance(budgetMs: number): void {
    const until = this.#now() + budgetMs;
    const { numerical, backprop } = this.#lanes;
    while (this.#now() < until) {
      this.step(numerical.elapsedMs <= backprop.elapsedMs ? 'numerical' : 'backprop');
    }
  }

  /**
   * Measured speed: numerical ms per step ÷ backprop ms per step (NaN until both lanes have
   * stepped). About P when a backward pass costs what a forward pass does.
   */
  get ratio(): number {
    const { numerical: n, backprop: b } = this.#lanes;
    if (n.iteration === 0 || b.iteration === 0 || b.elapsedMs === 0) return Number.NaN;
    return n.elapsedMs / n.iteration / (b.elapsedMs / b.iteration);
  }
}
