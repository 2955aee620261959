import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lossClass, TORCH_FIXTURE, torchFixture } from './torch-fixture.js';

test(`the fixture covers the 13 PyTorch-style loss classes with gradlab's names (torch ${torchFixture.torch})`, () => {
  const names = new Set(torchFixture.cases.map((c) => c.loss));
  for (const name of names) assert.equal(typeof lossClass(name), 'function', `no class ${name}`);
  assert.equal(names.size, 13);
});

test('the fixture is what torch-reference.py writes (regenerated with torch and compared)', (t) => {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { timeout: 60_000 });
  if (probe.status !== 0) {
    assert.notEqual(
      process.env.CI,
      'true',
      'torch is required in CI (apt-get install python3-torch)',
    );
    return t.skip('/usr/bin/python3 has no torch');
  }
  const out = join(mkdtempSync(join(tmpdir(), 'gradlab-torch-ref-')), 'ref.json');
  const r = spawnSync('/usr/bin/python3', ['test/losses/torch-reference.py', '--out', out], {
    timeout: 120_000,
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  });
  assert.equal(r.status, 0, `torch-reference.py exited ${r.status}: ${r.stderr}`);
  assert.deepEqual(
    JSON.parse(readFileSync(out, 'utf8')),
    JSON.parse(readFileSync(TORCH_FIXTURE, 'utf8')),
  );
});
