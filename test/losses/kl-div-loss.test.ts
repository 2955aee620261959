import { test } from 'node:test';
import assert from 'node:assert/strict';
import { klDivLoss, KLDivLoss } from '../../src/losses/kl-div-loss.js';
import { assertClose, checkGradient } from './loss-check.js';
import { checkTorchCases, torchFixture } from './torch-fixture.js';

// log_softmax([[1, 2, 0.5], [0.3, -0.2, 2.2]]), as torch computed it for the generated cases.
const logq = torchFixture.cases.find((c) => c.loss === 'KLDivLoss')?.input as number[][];
const p = [
  [0.2, 0.0, 0.8],
  [0.5, 0.25, 0.25],
];

test('every reduction and its gradient match torch.nn.functional on the generated cases', () => {
  checkTorchCases('KLDivLoss');
});

test('0·log 0 counts as 0, so a zero target probability contributes nothing (no NaN)', () => {
  const out = klDivLoss(logq, p, { reduction: 'none' });
  assert.equal(out.at(0, 1), 0);
  assert.equal(
    klDivLoss([Math.log(0.5), Math.log(0.5)], [1, 0], { reduction: 'sum' }),
    Math.log(2),
  );
  assert.ok(!Number.isNaN(klDivLoss(logq, p)));
});

test('batchmean of identical distributions is 0, the true KL', () => {
  const same = p[1].map(Math.log);
  assertClose(klDivLoss([same], [p[1]], { reduction: 'batchmean' }), 0);
});

test('backward matches the numerical gradient for mean, sum, none and batchmean, and with logTarget', () => {
  checkGradient((reduction) => new KLDivLoss({ reduction }), logq, p);
  checkGradient(
    (reduction) => new KLDivLoss({ reduction, logTarget: true }),
    logq,
    p.map((r) => r.map((v) => Math.log(v + 0.1))),
  );
  const loss = new KLDivLoss({ reduction: 'batchmean' });
  loss.forward(logq, p);
  assertClose(
    loss.backward(),
    p.flat().map((v) => -v / 2),
  );
});

test('reduction batchmean is allowed here, an unknown one is not', () => {
  // @ts-expect-error: not a reduction
  const wrong = (): unknown => new KLDivLoss({ reduction: 'batch' });
  assert.throws(
    wrong,
    /KLDivLoss: options\.reduction: expected 'none' \| 'mean' \| 'sum' \| 'batchmean', found 'batch'/,
  );
});
