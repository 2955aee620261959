import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareTraining } from '../../src/train/prepare-training.js';
import { resolveTrainOptions, type TrainOptionsInput } from '../../src/train/train-options.js';
import { train, trainSteps, type TrainEvent } from '../../src/train/train-steps.js';
import { syntheticImages } from './synthetic-data.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  const data = { train: syntheticImages(600, 1), test: syntheticImages(300, 2) };

  function run(input: TrainOptionsInput) {
    return prepareTraining(
      resolveTrainOptions({ hiddenSizes: [10], batchSize: 20, ...input }),
      data,
    );
  }

  test('a short seeded run learns the synthetic classes (test accuracy ≥ 0.9 from chance)', () => {
    const r = run({ iterations: 200, seed: 3 });
    const result = train(r);
    assert.ok(
      r.history.epochs[0].testAccuracy! < 0.6,
      `before training: ${r.history.epochs[0].testAccuracy}`,
    );
    assert.ok(
      result.final.testAccuracy! >= 0.9,
      `final test accuracy ${result.final.testAccuracy}`,
    );
    assert.equal(result.history.loss.length, 200);
    assert.ok(result.history.loss.at(-1)! < result.history.loss[0]);
  });

  test('the book-shaped run has 17 evaluation points: iteration 0 and every full epoch', () => {
    // 6000 samples / batch 100 = 60 iterations per epoch; 1000 iterations → epochs 0 … 16.
    const big = { train: syntheticImages(6000, 4, 3), test: syntheticImages(100, 5, 3) };
    const r = prepareTraining(resolveTrainOptions({ hiddenSizes: [4], iterations: 1000 }), big);
    const events: TrainEvent[] = [...trainSteps(r)];
    const epochs = events.filter((e) => e.type === 'epoch');
    assert.equal(epochs.length, 17);
    assert.deepEqual(
      epochs.map((e) => e.iteration),
      Array.from({ length: 17 }, (_, k) => k * 60),
    );
    assert.equal(events.filter((e) => e.type === 'step').length, 1000);
    assert.equal(events.at(-1)?.type, 'end');
  });

  test('the first event is the evaluation before any training, the last the end', () => {
    const events = [...trainSteps(run({ epochs: 2 }))];
    assert.deepEqual(
      events
        .filter((e) => e.type !== 'step')
        .map((e) => [e.type, e.type === 'epoch' ? e.iteration : null]),
      [
        ['epoch', 0],
        ['epoch', 30],
        ['epoch', 60],
        ['end', null],
      ],
    );
    assert.equal(events.length, 60 + 4);
  });

  test('two runs with the same seed end with identical parameters, bit for bit', () => {
    for (const sampling of ['replacement', 'shuffle'] as const) {
      const a = run({ iterations: 50, seed: 11, sampling });
      const b = run({ iterations: 50, seed: 11, sampling });
      const ra = train(a);
      const rb = train(b);
      assert.deepEqual(ra.history.loss, rb.history.loss);
      for (const k of Object.keys(a.network.params)) {
        assert.deepEqual(a.network.params[k].data, b.network.params[k].data, `${sampling} ${k}`);
      }
      const c = run({ iterations: 50, seed: 12, sampling });
      train(c);
      assert.notDeepEqual(a.network.params.W1.data, c.network.params.W1.data);
    }
  });

  test('the final accuracy is measured after the last iteration when it is not an epoch boundary', () => {
    const r = run({ iterations: 45 }); // epochs at 0 and 30
    const result = train(r);
    assert.deepEqual(
      r.history.epochs.map((e) => e.iteration),
      [0, 30],
    );
    assert.equal(r.iteration, 45);
    assert.equal(result.final.testAccuracy, r.measure().testAccuracy);
  });
});
