/**
 * The generated loss fixture: torch-reference.json, written by torch-reference.py from
 * torch.nn.functional (float64, autograd gradients). Each loss test checks its class against it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import * as losses from '../../src/losses/index.js';
import { tensor, type NestedArray } from '../../src/tensor/index.js';
import { assertClose, type LossModule } from './loss-check.js';

/** One case of the fixture. */
export interface TorchCase {
  readonly loss: string;
  readonly name: string;
  /** gradlab's option names (weight, ignoreIndex, labelSmoothing, posWeight, logInput, …). */
  readonly options: Record<string, unknown>;
  readonly input: NestedArray;
  readonly target: NestedArray;
  /** The upstream gradient of the 'none' output (the gradient is of Σ loss·dout). */
  readonly dout?: NestedArray;
  /** Per reduction: the loss and its gradient with respect to the input. */
  readonly results: Record<string, { loss: NestedArray; grad: NestedArray }>;
}

/** The fixture file's URL. */
export const TORCH_FIXTURE = new URL('./torch-reference.json', import.meta.url);

/** The fixture as parsed: the torch version that wrote it and its cases. */
export const torchFixture = JSON.parse(readFileSync(TORCH_FIXTURE, 'utf8')) as {
  readonly torch: string;
  readonly cases: readonly TorchCase[];
};

type LossClass = new (options: Record<string, unknown>) => LossModule<unknown>;

/** The gradlab loss class of a fixture name ('MSELoss' …), from the losses barrel. */
export function lossClass(name: string): LossClass | undefined {
  return (losses as unknown as Record<string, LossClass | undefined>)[name];
}

/**
 * Checks every fixture case of one loss class: for each reduction, the loss to relative 1e-12
 * and backward (dout = 1, or the case's dout for 'none') to relative 1e-10. Returns how many
 * cases ran; throws if there are none.
 */
export function checkTorchCases(loss: string): number {
  const cases = torchFixture.cases.filter((c) => c.loss === loss);
  if (cases.length === 0) throw new Error(`torch-reference.json has no case for ${loss}`);
  const Class = lossClass(loss);
  if (Class === undefined) throw new Error(`the losses barrel has no class ${loss}`);
  for (const c of cases) {
    for (const [reduction, expected] of Object.entries(c.results)) {
      const what = `${loss} ${c.name} (${reduction})`;
      const module = new Class({ ...c.options, reduction });
      assertClose(module.forward(tensor(c.input), c.target), expected.loss, 1e-12, `${what} loss`);
      const dout = reduction === 'none' ? tensor(c.dout as NestedArray) : undefined;
      assertClose(module.backward(dout), expected.grad, 1e-10, `${what} gradient`);
    }
  }
  return cases.length;
}

/**
 * Runs a reference script (`/usr/bin/python3 SCRIPT --out FILE`, torch) and asserts it writes
 * exactly the committed fixture, so the fixture is known to be generated, not edited. Skips when
 * torch is missing, except in CI (CI=true), where torch is installed and the check must run.
 */
export function checkRegenerates(t: TestContext, script: string, fixture: URL): void {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { timeout: 60_000 });
  if (probe.status !== 0) {
    assert.notEqual(
      process.env.CI,
      'true',
      'torch is required in CI (apt-get install python3-torch)',
    );
    t.skip('/usr/bin/python3 has no torch');
    return;
  }
  const out = join(mkdtempSync(join(tmpdir(), 'gradlab-fixture-')), 'ref.json');
  const r = spawnSync('/usr/bin/python3', [script, '--out', out], {
    timeout: 120_000,
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  });
  assert.equal(r.status, 0, `${script} exited ${r.status}: ${r.stderr}`);
  assert.deepEqual(
    JSON.parse(readFileSync(out, 'utf8')),
    JSON.parse(readFileSync(fixture, 'utf8')),
  );
}
