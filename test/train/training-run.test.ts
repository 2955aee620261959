import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DivergenceError } from '../../src/train/divergence.js';
import { prepareTraining } from '../../src/train/prepare-training.js';
import { resolveTrainOptions, type TrainOptionsInput } from '../../src/train/train-options.js';
import { train } from '../../src/train/train-steps.js';
import { loadDataset } from '../../src/platform/node/datasets.js';
import { countAllocations } from '../helpers/count-allocs.js';
import { syntheticImages } from './synthetic-data.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  const data = { train: syntheticImages(200, 1), test: syntheticImages(50, 2) };

  function run(input: TrainOptionsInput, debugAnomaly = false) {
    return prepareTraining(
      resolveTrainOptions({ hiddenSizes: [10], batchSize: 20, iterations: 100, ...input }),
      data,
      { debugAnomaly },
    );
  }

  test('a learning rate of 1e6 stops training within the first 100 samples after the loss explodes', () => {
    // At batch 20 the explosion test judges the mean loss of the last 5 iterations (100 samples),
    // so one unlucky batch cannot stop a run, and a blown-up one stops within 5 iterations.
    const r = run({ learningRate: 1e6 });
    let stopped = 0;
    assert.throws(
      () => train(r),
      (e: unknown) => {
        if (!(e instanceof DivergenceError)) return false;
        stopped = e.iteration;
        return (
          e.site === 'loss explosion' &&
          e.learningRate === 1e6 &&
          /^training diverged at iteration \d: the loss rose to \d+\.\d{4}, over 4 × the first iteration's 1\.\d{4}, with learning rate 1000000; try a smaller learningRate \(e\.g\. 100000\)$/.test(
            e.message,
          )
        );
      },
    );
    assert.ok(stopped >= 2 && stopped <= 6, `stopped at ${stopped}`);
    // The run stopped in the step where it happened: that iteration was not recorded.
    assert.equal(r.iteration, stopped - 1);
  });

  test('the step that produces a non-finite parameter is the one reported', () => {
    const r = run({});
    train(r);
    r.network.params.b2.data[1] = Number.POSITIVE_INFINITY;
    const it = r.iteration;
    assert.throws(
      () => r.step(),
      (e: unknown) => e instanceof DivergenceError && e.iteration === it + 1,
    );
  });

  test('with debugAnomaly a NaN is traced to the layer whose output it first is', () => {
    const r = run({}, true);
    r.network.params.W2.data[3] = Number.NaN;
    assert.throws(
      () => r.step(),
      (e: unknown) =>
        e instanceof DivergenceError &&
        e.site === 'layer output' &&
        e.tensorName === 'Affine2 forward',
    );
    const plain = run({});
    plain.network.params.W2.data[3] = Number.NaN;
    assert.throws(
      () => plain.step(),
      (e: unknown) => e instanceof DivergenceError && e.site === 'loss',
    );
  });

  test('each step allocates no new input buffers: the batch tensor is reused', () => {
    const r = run({ iterations: 3 });
    const seen = new Set<unknown>();
    const original = r.network.gradient.bind(r.network);
    r.network.gradient = (x, t, options) => {
      seen.add(x);
      seen.add(t);
      return original(x, t, options);
    };
    train(r);
    assert.equal(seen.size, 2);
  });

  test('after the first step, a training step allocates no tensor storage (the network reuses its buffers)', () => {
    for (const optimizer of ['sgd', 'adam'] as const) {
      const r = run({ optimizer, model: 'multi-layer', hiddenSizes: [10, 8], dropout: 0.2 });
      r.step();
      assert.equal(
        countAllocations(() => r.step()),
        0,
        optimizer,
      );
    }
  });

  test('numerical gradients train the network as backprop does (chapter 4; sigmoid, no ReLU kinks)', () => {
    const tiny = { train: syntheticImages(60, 3, 3), test: syntheticImages(30, 4, 3) };
    const make = (grad: 'backprop' | 'numerical') =>
      prepareTraining(
        resolveTrainOptions({
          hiddenSizes: [4],
          batchSize: 10,
          iterations: 3,
          grad,
          dtype: 'float64',
          activation: 'sigmoid',
        }),
        tiny,
      );
    const a = make('numerical');
    const b = make('backprop');
    train(a);
    train(b);
    for (const k of Object.keys(a.network.params)) {
      const da = a.network.params[k].data;
      const db = b.network.params[k].data;
      for (let i = 0; i < da.length; i++)
        assert.ok(Math.abs(da[i] - db[i]) < 1e-8, `${k}[${i}]: ${da[i]} vs ${db[i]}`);
    }
  });

  test('at batch 1 a single confident mistake is not an explosion; a loss that stays high is', () => {
    // The book's lr 0.1 at batch 1 on MNIST meets single-image losses far above 4 × ln 10.
    const { train: mnist, test: mnistTest } = loadDataset('mnist');
    const ok = prepareTraining(
      resolveTrainOptions({ batchSize: 1, iterations: 1500, trainSize: 2000 }),
      { train: mnist, test: mnistTest },
    );
    assert.doesNotThrow(() => train(ok));
    assert.ok(
      Math.max(...ok.history.loss) > 4 * ok.history.loss[0]!,
      'a single-image spike occurred',
    );
    const bad = run({ batchSize: 1, iterations: 300, learningRate: 1e6 });
    assert.throws(
      () => train(bad),
      (e: unknown) => e instanceof DivergenceError && e.site === 'loss explosion',
    );
  });
});
