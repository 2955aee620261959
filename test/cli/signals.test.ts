import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deferSignals, watchSignals } from '../../src/cli/signals.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

test('a signal during deferred work is held until the work is done, then reported with its exit code', async () => {
  const steps: string[] = [];
  const listeners = process.listenerCount('SIGINT');
  const { value, signal, exitCode } = await deferSignals(async () => {
    steps.push('first file');
    process.kill(process.pid, 'SIGINT');
    await tick();
    steps.push('second file');
    return 'written';
  });
  assert.deepEqual(steps, ['first file', 'second file']);
  assert.deepEqual([value, signal, exitCode], ['written', 'SIGINT', 130]);
  assert.equal(process.listenerCount('SIGINT'), listeners, 'handlers removed afterwards');
});

test('without a signal the work reports none, and SIGTERM maps to 143', async () => {
  assert.equal((await deferSignals(async () => 1)).signal, null);
  const watch = watchSignals();
  process.kill(process.pid, 'SIGTERM');
  await tick();
  assert.deepEqual([watch.received(), watch.exitCode()], ['SIGTERM', 143]);
  watch.dispose();
});
