import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createJsBackend } from '../../src/backend/js/js-backend.js';
import { setBackend } from '../../src/backend/registry.js';
import { createWasmBackendSync } from '../../src/backend/wasm/wasm-backend.js';
import { decodeCheckpoint, encodeCheckpoint } from '../../src/train/checkpoint.js';
import { prepareTraining } from '../../src/train/prepare-training.js';
import { resolveTrainOptions, type TrainOptionsInput } from '../../src/train/train-options.js';
import { captureTrainState, restoreTrainState } from '../../src/train/train-state.js';
import { train, trainSteps } from '../../src/train/train-steps.js';
import type { TrainingRun } from '../../src/train/training-run.js';
import { syntheticImages } from './synthetic-data.js';

const data = { train: syntheticImages(400, 1), test: syntheticImages(100, 2) };

const configs: [string, TrainOptionsInput][] = [
  ['book defaults (SGD, replacement, float32)', {}],
  [
    'Adam, shuffle, dropout, weight decay, validation, float64',
    {
      model: 'multi-layer',
      hiddenSizes: [8, 6],
      optimizer: 'adam',
      sampling: 'shuffle',
      dropout: 0.2,
      weightDecay: 0.01,
      validation: 0.2,
      dtype: 'float64',
    },
  ],
  ['early stopping (patience 1) on a validation split', { validation: 0.2, earlyStopping: 1 }],
];

function fresh(input: TrainOptionsInput): TrainingRun {
  return prepareTraining(
    resolveTrainOptions({ hiddenSizes: [10], batchSize: 16, iterations: 90, seed: 7, ...input }),
    data,
  );
}

/** Runs until `stopAfter` events have been seen, checkpoints through the file format, resumes in a new run. */
function interruptedAndResumed(input: TrainOptionsInput, stopAfter: number): TrainingRun {
  const first = fresh(input);
  const steps = trainSteps(first);
  for (let i = 0; i < stopAfter; i++) steps.next();
  const { state } = decodeCheckpoint(
    encodeCheckpoint(captureTrainState(first), first.network.config),
    'mem',
  );
  const second = prepareTraining(state.options, data);
  restoreTrainState(second, state);
  train(second);
  return second;
}

const previous = setBackend(createJsBackend());
after(() => setBackend(previous));

for (const [backend, make] of [
  ['js', createJsBackend],
  ['wasm', createWasmBackendSync],
] as const)
  for (const [label, input] of configs) {
    test(`${backend}: a run interrupted anywhere and resumed from its checkpoint equals an uninterrupted one bit for bit: ${label}`, () => {
      setBackend(make());
      const whole = fresh(input);
      train(whole);
      // Stops: before anything, mid-epoch, right after an epoch's last step (evaluation pending), late.
      for (const stopAfter of [0, 1, 8, 21, 26, 27, 60, 95]) {
        const resumed = interruptedAndResumed(input, stopAfter);
        for (const k of Object.keys(whole.network.params)) {
          assert.deepEqual(
            resumed.network.params[k].data,
            whole.network.params[k].data,
            `param ${k} after stop at event ${stopAfter}`,
          );
        }
        assert.deepEqual(
          resumed.history,
          whole.history,
          `history after stop at event ${stopAfter}`,
        );
      }
    });
  }

test('restoring into a network of another shape names the parameter', () => {
  const a = fresh({});
  const state = captureTrainState(a);
  const b = fresh({ hiddenSizes: [11] });
  assert.throws(
    () => restoreTrainState(b, state),
    /saved parameter W1 is \(36, 10\), the network's is \(36, 11\)/,
  );
});
