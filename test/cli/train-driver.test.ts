import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdAfterEpochFromEnv } from '../../src/cli/train-driver.js';

test('GRADLAB_HOLD_AFTER_EPOCH names a positive whole epoch; anything else holds nowhere', () => {
  assert.equal(holdAfterEpochFromEnv({ GRADLAB_HOLD_AFTER_EPOCH: '5' }), 5);
  for (const v of [undefined, '', '0', '-2', '1.5', 'five']) {
    assert.equal(holdAfterEpochFromEnv({ GRADLAB_HOLD_AFTER_EPOCH: v }), null, String(v));
  }
});
