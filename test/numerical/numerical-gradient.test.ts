import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setBackend } from '../../src/backend/registry.js';
import { createWasmBackend } from '../../src/backend/wasm/wasm-backend.js';
import type { WasmStorage } from '../../src/backend/wasm/wasm-storage.js';
import { numericalGradient } from '../../src/numerical/numerical-gradient.js';
import { tensor, zeros, type Tensor } from '../../src/tensor/index.js';

test('numericalGradient of x0² + x1² matches the book at three points', () => {
  const f = (x: { data: ArrayLike<number> }): number => x.data[0] ** 2 + x.data[1] ** 2;
  const near = (a: ArrayLike<number>, b: number[]): void =>
    b.forEach((v, i) => assert.ok(Math.abs(a[i] - v) < 1e-6, `${a[i]} vs ${v}`));
  near(numericalGradient(f, tensor([3.0, 4.0])).data, [6, 8]);
  near(numericalGradient(f, tensor([0.0, 2.0])).data, [0, 4]);
  near(numericalGradient(f, tensor([3.0, 0.0])).data, [6, 0]);
});

test('numericalGradient restores every element it perturbs', () => {
  const x = tensor([
    [1.5, -2],
    [0.25, 3],
  ]);
  numericalGradient((t) => t.data[0] * t.data[3], x);
  assert.deepEqual(x.toArray(), [
    [1.5, -2],
    [0.25, 3],
  ]);
});

test('the gradient has the shape and dtype of x and is written into out when given', () => {
  const f = (x: Tensor): number => 3 * x.data[0] - x.data[3];
  const x = tensor(
    [
      [1, 2],
      [3, 4],
    ],
    { dtype: 'float32' },
  );
  const g = numericalGradient(f, x, 1e-2);
  assert.deepEqual([g.shape, g.dtype], [[2, 2], 'float32']);
  assert.deepEqual(
    Array.from(g.data, (v) => Math.round(v * 1000) / 1000),
    [3, 0, 0, -1],
  );
  const out = zeros([2, 2], { dtype: 'float32' });
  assert.equal(numericalGradient(f, x, 1e-2, out), out);
});

test('a bad h or a wrong out throws saying what was expected', () => {
  const f = (x: Tensor): number => x.data[0];
  assert.throws(
    () => numericalGradient(f, tensor([1]), 0),
    /numericalGradient: h must be a finite number > 0, got 0/,
  );
  assert.throws(() => numericalGradient(f, tensor([1]), Infinity), /got Infinity/);
  assert.throws(
    () => numericalGradient(f, tensor([1, 2]), 1e-4, zeros([3])),
    /numericalGradient: out has shape \(3,\) float64, expected \(2,\) float64/,
  );
});

test('with the WASM backend, an f that grows the memory still sees every perturbation and x is restored', async () => {
  const previous = setBackend(await createWasmBackend());
  try {
    const x = tensor([3, -1, 2]);
    const heap = (x.storage as WasmStorage).heap;
    const generation = heap.generation;
    let big: Tensor | undefined;
    const f = (t: Tensor): number => {
      big ??= zeros([1 << 22]); // 32 MiB on the first call: the memory grows, old views detach
      return t.data[0] ** 2 + 3 * t.data[1] + t.data[2] ** 3;
    };
    const g = numericalGradient(f, x);
    assert.ok(heap.generation > generation, 'the memory grew during the first call of f');
    [6, 3, 12].forEach((v, i) =>
      assert.ok(Math.abs(g.data[i] - v) < 1e-6, `g[${i}] = ${g.data[i]}`),
    );
    assert.deepEqual(x.toArray(), [3, -1, 2]);
  } finally {
    setBackend(previous);
  }
});
