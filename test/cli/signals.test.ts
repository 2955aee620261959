import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deferSignals, watchSignals } from '../../src/cli/signals.js';

/** Sends `signal` to this process and resolves once it has been delivered (however busy the machine). */
function raise(signal: NodeJS.Signals): Promise<void> {
  const delivered = new Promise<void>((resolve) => {
    // A signal listener does not keep the event loop alive; this timer does until delivery.
    const alive = setTimeout(() => resolve(), 30_000);
    process.once(signal, () => {
      clearTimeout(alive);
      resolve();
    });
  });
  process.kill(process.pid, signal);
  return delivered;
}

test('a signal during deferred work is held until the work is done, then reported with its exit code', async () => {
  const steps: string[] = [];
  const listeners = process.listenerCount('SIGINT');
  const { value, signal, exitCode } = await deferSignals(async () => {
    steps.push('first file');
    await raise('SIGINT');
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
  await raise('SIGTERM');
  assert.deepEqual([watch.received(), watch.exitCode()], ['SIGTERM', 143]);
  watch.dispose();
});
