import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createOptimizer,
  DEFAULT_LEARNING_RATES,
  OPTIMIZER_NAMES,
  OPTIMIZERS,
} from '../../src/optim/create-optimizer.js';
import { OptimizerError } from '../../src/optim/optimizer-error.js';

test('the names are the table keys in order', () => {
  assert.deepEqual(OPTIMIZER_NAMES, ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam']);
});

test("each record makes its optimizer with the given rate, and createOptimizer uses the record's default", () => {
  const expected = {
    sgd: 'SGD',
    momentum: 'Momentum',
    adagrad: 'AdaGrad',
    rmsprop: 'RMSprop',
    adam: 'Adam',
  };
  for (const name of OPTIMIZER_NAMES) {
    const record = OPTIMIZERS[name];
    const made = record.make(0.25);
    assert.equal(made.name, expected[name]);
    assert.equal(made.learningRate, 0.25);
    assert.equal(createOptimizer(name).learningRate, record.defaultLr);
    assert.equal(DEFAULT_LEARNING_RATES[name], record.defaultLr);
  }
});

test('an unknown name, including an inherited key, is an OptimizerError listing the choices', () => {
  for (const bad of ['nesterov', 'toString', 3]) {
    assert.throws(
      () => createOptimizer(bad as never),
      (e: unknown) =>
        e instanceof OptimizerError &&
        e.message ===
          `unknown optimizer '${String(bad)}': expected one of sgd, momentum, adagrad, rmsprop, adam`,
    );
  }
});
