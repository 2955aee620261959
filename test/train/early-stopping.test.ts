import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EarlyStopping } from '../../src/train/early-stopping.js';
import { prepareTraining } from '../../src/train/prepare-training.js';
import type { EpochRecord } from '../../src/train/train-history.js';
import { resolveTrainOptions, TrainOptionsError } from '../../src/train/train-options.js';
import { train, trainSteps, type EndEvent } from '../../src/train/train-steps.js';
import { tensor } from '../../src/tensor/creation.js';
import { syntheticImages } from './synthetic-data.js';

const record = (epoch: number, validationLoss: number | null): EpochRecord => ({
  epoch,
  iteration: epoch * 10,
  trainAccuracy: null,
  testAccuracy: null,
  validationAccuracy: null,
  validationLoss,
});

test('EarlyStopping keeps the parameters of the lowest validation loss and stops after `patience` worse ones', () => {
  const es = new EarlyStopping(2);
  const W = tensor([1, 2]);
  assert.equal(es.observe(record(0, 0.9), { W }), 'improved');
  W.data[0] = 5;
  assert.equal(es.observe(record(1, 0.8), { W }), 'improved');
  W.data[0] = 7;
  assert.equal(es.observe(record(2, 0.8), { W }), 'waiting'); // equal is not better
  assert.equal(es.observe(record(3, 1.0), { W }), 'stop');
  assert.equal(es.stopped, true);
  assert.equal(es.best?.epoch, 1);
  es.restore({ W });
  assert.deepEqual(Array.from(W.data), [5, 2]);
  assert.throws(() => es.observe(record(4, null), { W }), /no validation loss/);
  assert.throws(() => new EarlyStopping(0), /patience must be a positive integer, got 0/);
});

test('resume rebuilds the same counters from the evaluations', () => {
  const epochs = [record(0, 1), record(1, 0.5), record(2, 0.7)];
  const live = new EarlyStopping(3);
  const W = tensor([0]);
  for (const e of epochs) live.observe(e, { W });
  const resumed = new EarlyStopping(3);
  resumed.resume(epochs, { W: Float64Array.of(4) });
  assert.equal(resumed.best?.epoch, live.best?.epoch);
  assert.equal(resumed.waited, live.waited);
  resumed.restore({ W });
  assert.deepEqual(Array.from(W.data), [4]);
});

const data = { train: syntheticImages(400, 1), test: syntheticImages(100, 2) };

test('a run with early stopping stops when the validation loss stops falling and ends on the best parameters', () => {
  // lr 3 overshoots after a few epochs, so the validation loss turns up and patience runs out.
  const options = resolveTrainOptions({
    hiddenSizes: [10],
    batchSize: 16,
    epochs: 40,
    learningRate: 3,
    validation: 0.25,
    earlyStopping: 2,
    seed: 3,
  });
  const run = prepareTraining(options, data);
  let end: EndEvent | undefined;
  const verdicts: string[] = [];
  for (const e of trainSteps(run)) {
    if (e.type === 'epoch' && e.earlyStopping !== undefined) verdicts.push(e.earlyStopping);
    if (e.type === 'end') end = e;
  }
  const stop = end!.earlyStop!;
  assert.equal(stop.stoppedEarly, true, `verdicts ${verdicts.join(' ')}`);
  assert.ok(run.iteration < run.totalIterations);
  assert.deepEqual(verdicts.slice(-2), ['waiting', 'stop']);
  const losses = run.history.epochs.map((e) => e.validationLoss!);
  assert.equal(stop.bestValidationLoss, Math.min(...losses));
  // The final measure is of the restored best parameters: its validation loss is the best one.
  assert.ok(Math.abs(end!.final.validationLoss! - stop.bestValidationLoss) < 1e-6);
});

test('early stopping without validation data is a TrainOptionsError naming the option', () => {
  const options = resolveTrainOptions({ hiddenSizes: [10], iterations: 10, earlyStopping: 3 });
  assert.throws(
    () => prepareTraining(options, data),
    (e: unknown) => e instanceof TrainOptionsError && e.option === 'earlyStopping',
  );
  assert.throws(() => resolveTrainOptions({ earlyStopping: 0 }), /earlyStopping/);
  // Without early stopping nothing changes: no verdicts, no earlyStop at the end.
  const plain = prepareTraining(resolveTrainOptions({ hiddenSizes: [10], iterations: 30 }), data);
  const { final } = train(plain);
  assert.ok(final.testAccuracy !== null);
});
