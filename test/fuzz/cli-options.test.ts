import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CleanUsageError,
  decodeArgv,
  encodeArgv,
  generateArgv,
  parseArgvCase,
} from '../../fuzz/cli-options.js';
import { createRng } from '../../src/tensor/rng.js';

function clean(argv: string[]): string {
  try {
    parseArgvCase(argv);
  } catch (e) {
    if (e instanceof CleanUsageError) return e.message;
    throw e;
  }
  return assert.fail(`${JSON.stringify(argv)} was accepted`);
}

test('a command the program would start, or help, is accepted without running anything', () => {
  for (const argv of [
    ['train', '--lr', '0.5', '--hidden', '8,8', '--model', 'multi-layer'],
    ['predict', '--model', 'nowhere.safetensors', '--index', '3'],
    ['experiment', 'all', '--size', 'tiny'],
    ['eval', '--help'],
    [],
  ]) {
    assert.equal(parseArgvCase(argv), undefined, JSON.stringify(argv));
  }
});

test('wrong options, including those only the action checks, are clean one-line usage errors', () => {
  assert.match(clean(['train', '--lr', '-1']), /^gradlab: option '--lr <rate>' argument '-1'/);
  assert.match(clean(['train', '--iters', '5', '--epochs', '2']), /either iterations or epochs/);
  assert.match(clean(['train', '--resume', 'runs/a', '--lr', '1']), /drop --lr/);
  assert.match(clean(['predict', '--model', 'm']), /exactly one of --image <png> or --index <n>/);
  assert.match(clean(['experiment', 'nope']), /numerical-diff/);
  assert.match(clean(['train', '--seed', 'a\rb']), /argument 'a\\rb' is invalid/);
});

test('argv survive the byte encoding, and generation is seeded', () => {
  const argv = generateArgv(createRng(7));
  assert.deepEqual(generateArgv(createRng(7)), argv);
  assert.deepEqual(decodeArgv(encodeArgv(argv)), argv);
  assert.deepEqual(decodeArgv(encodeArgv([''])), ['']);
});
