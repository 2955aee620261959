import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GaussianNLLLoss, gaussianNllLoss } from '../../src/losses/gaussian-nll-loss.js';
import { LossInputError } from '../../src/losses/loss-error.js';
import { numericalGradient } from '../../src/numerical/numerical-gradient.js';
import { gradientCheck } from '../../src/numerical/gradient-check.js';
import {
  clone,
  createRng,
  fmtShape,
  tensor,
  Tensor,
  type NestedArray,
} from '../../src/tensor/index.js';
import { checkRegenerates } from './torch-fixture.js';

interface Result {
  loss: NestedArray;
  dInput: NestedArray;
  dVar: NestedArray;
}
interface Case {
  name: string;
  input: NestedArray;
  target: NestedArray;
  var: NestedArray;
  weight: NestedArray;
  full: boolean;
  eps: number;
  none: Result;
  mean: Result;
  sum: Result;
}
const FIXTURE = new URL('./gaussian-nll-reference.json', import.meta.url);
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  cases: Case[];
  errors: Record<string, string>;
};

const flatten = (v: NestedArray): number[] =>
  typeof v === 'number' ? [v] : v.flatMap((e) => flatten(e));

/** The largest |a − e| / max(|e|, 1e-12) over every number, to report the distance to PyTorch. */
let worst = 0;
function near(actual: number | Tensor, expected: NestedArray, what: string): void {
  const a = actual instanceof Tensor ? Array.from(actual.data) : [actual];
  const e = flatten(expected);
  assert.equal(a.length, e.length, what);
  e.forEach((v, i) => {
    const rel = Math.abs(a[i] - v) / Math.max(Math.abs(v), 1e-12);
    worst = Math.max(worst, rel);
    assert.ok(rel <= 1e-13, `${what}[${i}]: ${a[i]} vs PyTorch ${v}`);
  });
}

for (const c of fixture.cases) {
  test(`matches PyTorch 1.13 (loss, ∂/∂input, ∂/∂var) for every reduction: ${c.name}`, () => {
    for (const reduction of ['none', 'mean', 'sum'] as const) {
      const loss = new GaussianNLLLoss({ reduction, full: c.full, eps: c.eps });
      const v = tensor(c.var);
      near(loss.forward(c.input, c.target, v), c[reduction].loss, `${reduction} loss`);
      const dInput = loss.backward(reduction === 'none' ? c.weight : 1);
      near(dInput, c[reduction].dInput, `${reduction} dInput`);
      assert.deepEqual(loss.varGrad?.shape, v.shape);
      near(loss.varGrad as Tensor, c[reduction].dVar, `${reduction} dVar`);
      near(
        gaussianNllLoss(c.input, c.target, v, { reduction, full: c.full, eps: c.eps }),
        c[reduction].loss,
        'function',
      );
    }
  });
}

test('the largest relative difference from PyTorch is below 1e-13', () => {
  assert.ok(worst < 1e-13, String(worst));
  console.log(`# GaussianNLLLoss vs PyTorch: max relative difference ${worst.toExponential(2)}`);
});

test('backward matches the numerical gradient with respect to input and var', () => {
  const rng = createRng(5);
  const x = tensor([
    [0.3, -1.1, 2.0],
    [0.4, 0.9, -0.2],
  ]);
  const y = tensor([
    [0.5, -0.2, 1.1],
    [-0.6, 1.4, 0.0],
  ]);
  for (const v of [
    tensor([
      [0.5, 1.5, 0.8],
      [2.0, 0.3, 1.1],
    ]),
    tensor([0.7, 1.3]),
    tensor([[0.7], [1.3]]),
  ]) {
    for (const reduction of ['mean', 'sum'] as const) {
      const dout = 0.5 + rng.next();
      const loss = new GaussianNLLLoss({ reduction, full: true });
      loss.forward(x, y, v);
      const dx = loss.backward(dout);
      const dv = loss.varGrad as Tensor;
      const f = (xv: Tensor, vv: Tensor) =>
        dout * gaussianNllLoss(xv, y, vv, { reduction, full: true });
      const nx = numericalGradient((xx) => f(xx, v), clone(x));
      const nv = numericalGradient((vv) => f(x, vv), clone(v));
      const report = gradientCheck({ dx, dv }, { dx: nx, dv: nv });
      for (const [k, r] of Object.entries(report))
        assert.ok(r.maxRel < 1e-6, `${k} (${reduction}, var ${fmtShape(v.shape)}): ${r.maxRel}`);
    }
  }
});

test('the doc example: mean of ½(log var + (x − y)²/var)', () => {
  const loss = new GaussianNLLLoss();
  assert.equal(loss.forward([1, 2], [1, 4], [1, 2]), 0.6732867951399863);
  assert.deepEqual(loss.backward().toArray(), [0, -0.5]);
  assert.deepEqual(loss.varGrad?.toArray(), [0.25, -0.125]);
  assert.equal(gaussianNllLoss([1, 2], [1, 4], 1, { reduction: 'sum' }), 2);
});

test('a var of the wrong shape, a negative var, a bad eps and backward before forward are refused', () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
    [1, 1, 1],
  ]);
  assert.ok(fixture.errors['var (3)']?.includes('incorrect size'), 'PyTorch refuses var (3) too');
  assert.throws(() => gaussianNllLoss(x, x, [1, 1, 1]), /var: expected the input's shape \(4, 3\)/);
  assert.throws(
    () => gaussianNllLoss([1], [1], [-1]),
    /var\[0\]: expected a variance ≥ 0, found -1/,
  );
  assert.throws(() => new GaussianNLLLoss({ eps: -1 }), LossInputError);
  assert.throws(() => gaussianNllLoss([1, 2], [1], [1, 1]), LossInputError);
  assert.throws(
    () => new GaussianNLLLoss().backward(),
    /forward\(input, target, var\) before backward/,
  );
});

test('the fixture is what gaussian-nll-reference.py writes (regenerated with torch and compared)', (t) => {
  checkRegenerates(t, 'test/losses/gaussian-nll-reference.py', FIXTURE);
});
