import { test } from 'node:test';
import assert from 'node:assert/strict';
import { klDivLoss, KLDivLoss } from '../../src/losses/kl-div-loss.js';
import { assertClose, checkGradient } from './loss-check.js';

// log_softmax([[1, 2, 0.5], [0.3, -0.2, 2.2]]) in NumPy.
const logq = [
  [-1.464368784107945, -0.4643687841079449, -1.964368784107945],
  [-2.1153424597804227, -2.6153424597804227, -0.21534245978042232],
];
const p = [
  [0.2, 0.0, 0.8],
  [0.5, 0.25, 0.25],
];

test('every reduction matches xlogy(p, p) − p·x, and batchmean divides by the batch size', () => {
  assertClose(
    klDivLoss(logq, p, { reduction: 'none' }),
    [
      -0.029013825665231086, 0.0, 1.3929801862349882, 0.7110976396102386, 0.307262024665133,
      -0.29273797533486706,
    ],
  );
  assertClose(klDivLoss(logq, p, { reduction: 'sum' }), 2.089588049510262);
  assertClose(klDivLoss(logq, p), 0.34826467491837704);
  assertClose(klDivLoss(logq, p, { reduction: 'batchmean' }), 1.044794024755131);
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

test('logTarget takes log p and gives exp(y)·(y − x)', () => {
  const q = [
    [0.2, 0.3, 0.5],
    [0.6, 0.1, 0.3],
  ];
  const logp = q.map((row) => row.map(Math.log));
  const o = { logTarget: true } as const;
  assertClose(
    klDivLoss(logq, logp, { ...o, reduction: 'none' }),
    [
      -0.029013825665231075, -0.22188120606539735, 0.6356108017739999, 0.9627101016086591,
      0.03127573667863773, -0.2965891033636541,
    ],
  );
  assertClose(klDivLoss(logq, logp, { ...o, reduction: 'sum' }), 1.0821125049670142);
  assertClose(klDivLoss(logq, logp, o), 0.18035208416116902);
  assertClose(klDivLoss(logq, logp, { ...o, reduction: 'batchmean' }), 0.5410562524835071);
  assertClose(klDivLoss(logq, logp, o), klDivLoss(logq, q), 1e-14);
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
