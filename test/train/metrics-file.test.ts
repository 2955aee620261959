import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metricsCsv, metricsJson, type MetricsFile } from '../../src/train/metrics-file.js';
import { resolveTrainOptions } from '../../src/train/train-options.js';

const history = {
  loss: [2.3, 2.1, 1.9],
  epochs: [
    { epoch: 0, iteration: 0, trainAccuracy: 0.1, testAccuracy: 0.11, validationAccuracy: null },
    {
      epoch: 1,
      iteration: 2,
      trainAccuracy: 0.5,
      testAccuracy: 0.52,
      validationAccuracy: null,
      trainLoss: 1.5,
      testLoss: 1.6,
      validationLoss: null,
    },
  ],
};

test('metrics.csv has a row per iteration with accuracies and whole-set losses on the evaluation rows', () => {
  assert.equal(
    metricsCsv(history),
    'iteration,loss,epoch,train_accuracy,test_accuracy,validation_accuracy,train_loss,test_loss,validation_loss\n' +
      '0,,0,0.1,0.11,,,,\n1,2.3,,,,,,,\n2,2.1,1,0.5,0.52,,1.5,1.6,\n3,1.9,,,,,,,\n',
  );
});

test('metrics.json parses back to the same record', () => {
  const metrics: MetricsFile = {
    options: resolveTrainOptions({}),
    data: { name: 'mnist', train: 60000, validation: 0, test: 10000 },
    backend: 'js',
    iterationsPerEpoch: 2,
    totalIterations: 3,
    iteration: 3,
    status: 'complete',
    wallSeconds: 1.5,
    loss: history.loss,
    epochs: history.epochs,
    final: { trainAccuracy: 0.6, testAccuracy: 0.61, validationAccuracy: null },
  };
  const text = metricsJson(metrics);
  assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(metrics)));
  assert.match(text, /"loss": \[2\.3,2\.1,1\.9\]/);
});
