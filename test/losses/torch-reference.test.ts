import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRegenerates, lossClass, TORCH_FIXTURE, torchFixture } from './torch-fixture.js';

test(`the fixture covers the 13 PyTorch-style loss classes with gradlab's names (torch ${torchFixture.torch})`, () => {
  const names = new Set(torchFixture.cases.map((c) => c.loss));
  for (const name of names) assert.equal(typeof lossClass(name), 'function', `no class ${name}`);
  assert.equal(names.size, 13);
});

test('the fixture is what torch-reference.py writes (regenerated with torch and compared)', (t) => {
  checkRegenerates(t, 'test/losses/torch-reference.py', TORCH_FIXTURE);
});
