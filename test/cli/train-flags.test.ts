import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { ACTIVATION_NAMES } from '../../src/models/activations.js';
import { OPTIMIZER_NAMES } from '../../src/optim/create-optimizer.js';
import { addTrainOptions, defaultRatesHelp } from '../../src/cli/train-flags.js';

test("--lr's help lists the table's default rates, names sharing a rate grouped", () => {
  assert.equal(defaultRatesHelp(), '0.1 sgd, 0.01 momentum/adagrad/rmsprop, 0.001 adam');
});

test('--activation and --optimizer offer exactly the table names', () => {
  const command = addTrainOptions(new Command('train'));
  const choices = (flag: string): readonly string[] | undefined =>
    command.options.find((o) => o.long === flag)?.argChoices;
  assert.deepEqual(choices('--activation'), ACTIVATION_NAMES);
  assert.deepEqual(choices('--optimizer'), OPTIMIZER_NAMES);
});
