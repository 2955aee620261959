import type { MessageKey, MessageParams } from './i18n/i18n.js';
import type { EpochRecord, FinalAccuracy, NetworkConfig, TrainOptionsInput } from 'gradlab';

/**
 * Messages between the page and the training worker. The worker owns the data, the network
 * and the WASM backend; the page only sends commands and draws what comes back.
 */

/** What the page asks of the worker. */
export type WorkerRequest =
  /** Trains with these options (a new run), or resumes the paused run when options are equal. */
  | { readonly type: 'start'; readonly options: TrainOptionsInput }
  | { readonly type: 'pause' }
  /** Forgets the run and the model. */
  | { readonly type: 'reset' }
  /** Class probabilities of one 28×28 image (bytes 0..255, white digit on black). */
  | { readonly type: 'predict'; readonly id: number; readonly pixels: Uint8Array }
  /** A random test-set image (loads the test set when needed). */
  | { readonly type: 'sample'; readonly id: number; readonly seed: number }
  /** The current model as safetensors bytes. */
  | { readonly type: 'export'; readonly id: number }
  /** Replaces the model with one read from a safetensors file. */
  | {
      readonly type: 'import';
      readonly id: number;
      readonly name: string;
      readonly bytes: Uint8Array;
    };

/** A model that can predict: where it came from and its architecture. */
/** The worker's status messages: the keys under `status.`. */
export type StatusKey = Extract<MessageKey, `status.${string}`>;

/** Where a model came from: trained in this page, or loaded from a file. */
export type ModelSource =
  { readonly kind: 'trained' } | { readonly kind: 'loaded'; readonly name: string };

export interface ModelInfo {
  readonly source: ModelSource;
  readonly config: NetworkConfig;
}

/** The network on the test set, computed in the worker for the Train tab to draw. */
export interface TestReport {
  readonly classes: number;
  /** How many test images were evaluated (the confusion matrix sums to it). */
  readonly count: number;
  /** Row-major (classes, classes): rows true classes, columns predicted ones. */
  readonly confusion: Int32Array;
  /** The first misclassified test digits (28×28 bytes) and the probability of the wrong class. */
  readonly misclassified: readonly {
    readonly pixels: Uint8Array;
    readonly label: number;
    readonly predicted: number;
    readonly probability: number;
  }[];
  /** The first hidden units' W1 columns as 28×28 bytes, each min-max scaled. */
  readonly weights: readonly Uint8Array[];
}

/** What the worker tells the page. */
export type WorkerEvent =
  /** A status line, as a message key of the page's table (the page puts it in its language). */
  | { readonly type: 'status'; readonly key: StatusKey; readonly params?: MessageParams }
  /** Steps done since the last progress message; losses are the per-iteration batch losses. */
  | {
      readonly type: 'progress';
      readonly iteration: number;
      readonly totalIterations: number;
      readonly losses: readonly number[];
      /** Iterations per second over the last second of training (evaluation excluded). */
      readonly itPerSec: number;
    }
  | { readonly type: 'epoch'; readonly record: EpochRecord }
  | { readonly type: 'end'; readonly final: FinalAccuracy; readonly itPerSec: number }
  /** After each epoch and at the end of a run. */
  | { readonly type: 'report'; readonly report: TestReport }
  | { readonly type: 'paused'; readonly iteration: number }
  | { readonly type: 'reset' }
  | { readonly type: 'model'; readonly info: ModelInfo | null }
  | { readonly type: 'error'; readonly message: string; readonly id?: number }
  | { readonly type: 'prediction'; readonly id: number; readonly probabilities: readonly number[] }
  | {
      readonly type: 'sample';
      readonly id: number;
      readonly pixels: Uint8Array;
      readonly label: number;
    }
  | {
      readonly type: 'exported';
      readonly id: number;
      readonly bytes: Uint8Array;
      readonly name: string;
    }
  | { readonly type: 'imported'; readonly id: number };
