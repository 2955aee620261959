import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  add,
  broadcastTo,
  cos,
  div,
  exp,
  linear,
  log,
  matmul,
  mean,
  meanSquaredError,
  mul,
  neg,
  pow,
  relu,
  reshape,
  sigmoid,
  sin,
  softmax,
  softmaxCrossEntropy,
  sub,
  sum,
  sumTo,
  tanh,
  transpose,
  Variable,
} from '../../src/graph/index.js';
import { product } from '../../src/graph/matmul.js';
import { createRng, rand, randn, tensor, type Rng, type Tensor } from '../../src/tensor/index.js';
import { onEachBackend } from '../helpers/backends.js';
import { assertGraphGradients } from './graph-check.js';

type Case = [name: string, f: (...xs: Variable[]) => Variable, inputs: (rng: Rng) => Tensor[]];

const n = (shape: number[]) => (rng: Rng) => randn(shape, rng);
const pos = (shape: number[]) => (rng: Rng) => rand(shape, rng, { low: 0.5, high: 2 });
const both =
  (...makers: ((rng: Rng) => Tensor)[]) =>
  (rng: Rng) =>
    makers.map((m) => m(rng));
/** Normal numbers at least 0.05 from 0 (ReLU's kink). */
const awayFromZero = (shape: number[]) => (rng: Rng) => {
  const t = randn(shape, rng);
  const d = t.data;
  for (let i = 0; i < d.length; i++) d[i] = d[i] < 0 ? d[i] - 0.05 : d[i] + 0.05;
  return t;
};

const CASES: Case[] = [
  ['add, equal shapes', (a, b) => add(a, b), both(n([3, 4]), n([3, 4]))],
  ['add, a (3) bias on a (5, 3) input', (a, b) => add(a, b), both(n([5, 3]), n([3]))],
  ['add, (4, 1) + (1, 5)', (a, b) => add(a, b), both(n([4, 1]), n([1, 5]))],
  ['add, a scalar on the left', (a, b) => add(a, b), both(n([]), n([2, 3]))],
  ['add, (2, 3, 4) + (3, 1)', (a, b) => add(a, b), both(n([2, 3, 4]), n([3, 1]))],
  ['sub, (5, 3) − (3)', (a, b) => sub(a, b), both(n([5, 3]), n([3]))],
  ['sub, (1, 3) − (4, 1)', (a, b) => sub(a, b), both(n([1, 3]), n([4, 1]))],
  ['mul, equal shapes', (a, b) => mul(a, b), both(n([3, 4]), n([3, 4]))],
  ['mul, (2, 1, 4) ⊙ (3, 1)', (a, b) => mul(a, b), both(n([2, 1, 4]), n([3, 1]))],
  ['div, (3, 4) / (4)', (a, b) => div(a, b), both(n([3, 4]), pos([4]))],
  ['div, () / (2, 3)', (a, b) => div(a, b), both(n([]), pos([2, 3]))],
  ['neg', (x) => neg(x), both(n([7]))],
  ['pow 3', (x) => pow(x, 3), both(n([2, 5]))],
  ['pow 0.5 of positives', (x) => pow(x, 0.5), both(pos([6]))],
  ['exp', (x) => exp(x), both(n([3, 3]))],
  ['log of positives', (x) => log(x), both(pos([3, 3]))],
  ['sin', (x) => sin(x), both(n([9]))],
  ['cos', (x) => cos(x), both(n([9]))],
  ['tanh', (x) => tanh(x), both(n([4, 5]))],
  ['sigmoid', (x) => sigmoid(x), both(n([4, 5]))],
  ['relu away from 0', (x) => relu(x), both(awayFromZero([4, 5]))],
  ['matmul (3, 4) · (4, 2)', (a, b) => matmul(a, b), both(n([3, 4]), n([4, 2]))],
  ['matmul aᵀ · b', (a, b) => product(a, b, true, false), both(n([4, 3]), n([4, 2]))],
  ['matmul a · bᵀ', (a, b) => product(a, b, false, true), both(n([3, 4]), n([2, 4]))],
  ['matmul aᵀ · bᵀ', (a, b) => product(a, b, true, true), both(n([4, 3]), n([2, 4]))],
  ['sum of all', (x) => sum(x), both(n([3, 4]))],
  ['sum over axis 0', (x) => sum(x, 0), both(n([3, 4]))],
  ['sum over axes [0, 2] keepdims', (x) => sum(x, [0, 2], true), both(n([2, 3, 4]))],
  ['sum over axis −1', (x) => sum(x, -1), both(n([2, 3, 4]))],
  ['mean over axis 1', (x) => mean(x, 1), both(n([3, 5]))],
  ['mean of all', (x) => mean(x), both(n([3, 5]))],
  ['reshape (2, 6) → (3, 4)', (x) => reshape(x, [3, 4]), both(n([2, 6]))],
  ['transpose', (x) => transpose(x), both(n([3, 5]))],
  ['transpose axes [1, 2, 0]', (x) => transpose(x, [1, 2, 0]), both(n([2, 3, 4]))],
  ['broadcastTo (3) → (2, 3)', (x) => broadcastTo(x, [2, 3]), both(n([3]))],
  ['broadcastTo (2, 1) → (3, 2, 4)', (x) => broadcastTo(x, [3, 2, 4]), both(n([2, 1]))],
  ['sumTo (2, 3, 4) → (3, 1)', (x) => sumTo(x, [3, 1]), both(n([2, 3, 4]))],
  ['sumTo (5, 3) → (3)', (x) => sumTo(x, [3]), both(n([5, 3]))],
  ['softmax rows', (x) => softmax(x), both(n([4, 5]))],
  ['softmax of one row', (x) => softmax(x), both(n([6]))],
  [
    'softmaxCrossEntropy with indices',
    (x) => softmaxCrossEntropy(x, [2, 0, 4, 1]),
    both(n([4, 5])),
  ],
  [
    'softmaxCrossEntropy with one-hot rows',
    (x) =>
      softmaxCrossEntropy(x, [
        [0, 1, 0],
        [1, 0, 0],
      ]),
    both(n([2, 3])),
  ],
  ['meanSquaredError', (a, b) => meanSquaredError(a, b), both(n([4, 3]), n([4, 3]))],
  ['linear with a bias', (x, W, b) => linear(x, W, b), both(n([5, 4]), n([4, 3]), n([3]))],
  ['linear without a bias', (x, W) => linear(x, W), both(n([5, 4]), n([4, 3]))],
  [
    'a composite: tanh(x·W + b)² summed per row',
    (x, W, b) => sum(pow(tanh(add(matmul(x, W), b)), 2), 1),
    both(n([3, 4]), n([4, 2]), n([2])),
  ],
];

for (const [name, f, inputs] of CASES) {
  test(`${name}: backward matches the numerical gradient in float64 on js and wasm`, () => {
    onEachBackend((backend) => {
      const rng = createRng(name.length * 7919);
      assertGraphGradients(`${name} (${backend})`, f, inputs(rng), rng);
    });
  });
}

const SECOND_ORDER: Case[] = [
  ['exp', (x) => exp(x), both(n([5]))],
  ['log', (x) => log(x), both(pos([5]))],
  ['sin', (x) => sin(x), both(n([5]))],
  ['tanh', (x) => tanh(x), both(n([5]))],
  ['sigmoid', (x) => sigmoid(x), both(n([5]))],
  ['pow 3', (x) => pow(x, 3), both(n([5]))],
  ['div', (a, b) => div(a, b), both(n([3]), pos([3]))],
  ['softmax', (x) => softmax(x), both(n([2, 4]))],
  ['softmaxCrossEntropy', (x) => softmaxCrossEntropy(x, [1, 3]), both(n([2, 4]))],
  ['meanSquaredError', (a, b) => meanSquaredError(a, b), both(n([4]), n([4]))],
];

/** x ↦ Σ R ⊙ ∂(Σ R0 ⊙ f(x))/∂x[0], built with createGraph so it can be differentiated again. */
function firstDerivative(f: (...xs: Variable[]) => Variable, R0: Tensor) {
  return (...xs: Variable[]): Variable => {
    const y = f(...xs);
    y.backward({ grad: R0, createGraph: true });
    const g = xs[0].grad as Variable;
    for (const x of xs) x.clearGrad();
    return g;
  };
}

for (const [name, f, inputs] of SECOND_ORDER) {
  test(`${name}: backward({ createGraph: true }) gives second derivatives that match the numerical ones`, () => {
    onEachBackend((backend) => {
      const rng = createRng(name.length * 104729);
      const xs = inputs(rng);
      const y0 = f(...xs.map((t) => new Variable(t)));
      const R0 = randn(y0.shape, rng);
      assertGraphGradients(`${name} second order (${backend})`, firstDerivative(f, R0), xs, rng, {
        tolerance: 1e-5,
      });
    });
  });
}

test('a shape mismatch names the op and both shapes', () => {
  assert.throws(
    () => add(new Variable([[1, 2, 3]]), new Variable([1, 2])),
    /add: shapes \(1, 3\) and \(2,\) do not broadcast/,
  );
  assert.throws(
    () => mul(new Variable([[1, 2]]), new Variable([[1], [2], [3]]).reshape([1, 3])),
    /mul: shapes \(1, 2\) and \(1, 3\) do not broadcast/,
  );
  assert.throws(
    () => matmul(new Variable([[1, 2]]), new Variable([[1, 2]])),
    /matmul: expected 2-D operands \(M, K\) · \(K, N\), got \(1, 2\) · \(1, 2\)/,
  );
  assert.throws(
    () => meanSquaredError(new Variable([1, 2]), new Variable([1, 2, 3])),
    /meanSquaredError: shape mismatch, \(2,\) vs \(3,\)/,
  );
  assert.throws(
    () => linear(new Variable([[1, 2]]), new Variable([[1], [2]]), new Variable([1, 2])),
    /linear: expected x \(N, D\), W \(D, M\), b \(M\), got x \(1, 2\), W \(2, 1\), b \(2,\)/,
  );
});

test('softmaxCrossEntropy gives the same loss for class indices and one-hot rows', () => {
  const x = tensor([
    [0.3, 2.9, 4.0],
    [1, 2, 3],
  ]);
  const a = softmaxCrossEntropy(new Variable(x), [2, 0]).item();
  const b = softmaxCrossEntropy(new Variable(x), [
    [0, 0, 1],
    [1, 0, 0],
  ]).item();
  assert.equal(a, b);
  assert.throws(() => softmaxCrossEntropy(new Variable(x), [3, 0]), /softmaxCrossEntropy/);
});
