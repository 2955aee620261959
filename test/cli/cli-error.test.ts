import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommanderError } from 'commander';
import { describeError, printableLine, UsageError } from '../../src/cli/cli-error.js';
import { FileReadError } from '../../src/platform/node/read-bytes.js';
import { DivergenceError } from '../../src/train/divergence.js';
import { TrainOptionsError } from '../../src/train/train-options.js';

test('usage errors exit 2 and file or training errors exit 1, each as one line', () => {
  assert.deepEqual(describeError(new UsageError('give --image or --index')), {
    line: 'gradlab: give --image or --index',
    code: 2,
  });
  assert.equal(describeError(new TrainOptionsError('batchSize', 'expected …')).code, 2);
  assert.equal(
    describeError(new FileReadError('m.safetensors', 'missing', 'no such file')).code,
    1,
  );
  const d = describeError(new DivergenceError(3, 'loss', '', Number.NaN, 0.5));
  assert.equal(d.code, 1);
  assert.match(d.line, /^gradlab: training diverged at iteration 3/);
});

test('the CLI says --lr where the library error says learningRate', () => {
  const { line } = describeError(new DivergenceError(3, 'gradient', 'W1', Number.NaN, 0.5));
  assert.equal(
    line,
    'gradlab: training diverged at iteration 3: gradient W1 is NaN with learning rate 0.5; try a smaller learning rate (e.g. --lr 0.05)',
  );
  assert.doesNotMatch(line, /learningRate/);
});

test('commander errors keep help at exit 0 and map the rest to 2', () => {
  assert.equal(describeError(new CommanderError(0, 'commander.helpDisplayed', '')).code, 0);
  assert.equal(describeError(new CommanderError(1, 'commander.unknownOption', 'x')).code, 2);
});

test('an unexpected error is marked internal and stays on one line', () => {
  const { line, code } = describeError(new TypeError('a\nb'));
  assert.equal(code, 1);
  assert.match(line, /^gradlab: internal error: TypeError: a b \(at /);
  assert.ok(!line.includes('\n'));
});

test('an argument echoed in a message can neither break the line nor drive the terminal', () => {
  assert.equal(
    printableLine("unknown option '--lrr'\n(Did you mean --lr?)"),
    "unknown option '--lrr' (Did you mean --lr?)",
  );
  assert.equal(
    printableLine('a\rb\tc\u001b[31md\u0085e\u2028f'),
    'a\\rb\\tc\\u001b[31md\\u0085e\\u2028f',
  );
  assert.equal(printableLine('ünïcødé 😀'), 'ünïcødé 😀');
  const { line } = describeError(new UsageError("argument 'cr\rreturn' is invalid"));
  assert.equal(line, "gradlab: argument 'cr\\rreturn' is invalid");
});
