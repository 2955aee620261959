import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../src/tensor/rng.js';

test('next() follows xoshiro128** from the reference state (1, 2, 3, 4)', () => {
  // The reference generator's first outputs from s = (1, 2, 3, 4) are 11520, 0, 5927040,
  // 70819200, 2031721883, 1637235492; next() takes 27 + 26 bits of two of them.
  const rng = createRng(0);
  rng.setState({ s: [1, 2, 3, 4], spareNormal: null });
  const expected = [
    ((11520 >>> 5) * 2 ** 26 + (0 >>> 6)) / 2 ** 53,
    ((5927040 >>> 5) * 2 ** 26 + (70819200 >>> 6)) / 2 ** 53,
    ((2031721883 >>> 5) * 2 ** 26 + (1637235492 >>> 6)) / 2 ** 53,
  ];
  assert.deepEqual([rng.next(), rng.next(), rng.next()], expected);
  assert.equal(expected[2], 0.4730471102982654);
});

test('the same seed gives the same stream and other seeds, above 2³² too, give others', () => {
  const draw = (seed: number): number[] => {
    const rng = createRng(seed);
    return [rng.next(), rng.next(), rng.next()];
  };
  assert.deepEqual(draw(42), draw(42));
  assert.notDeepEqual(draw(42), draw(43));
  assert.notDeepEqual(draw(1), draw(1 + 2 ** 32));
  assert.notDeepEqual(draw(0), draw(-1));
});

test('next() lies in [0, 1) with mean ½ and int(n) in 0..n−1, every value reached', () => {
  const rng = createRng(1);
  let sum = 0;
  const counts = new Array<number>(7).fill(0);
  for (let i = 0; i < 7000; i++) {
    const u = rng.next();
    assert.ok(u >= 0 && u < 1);
    sum += u;
    counts[rng.int(7)]++;
  }
  assert.ok(Math.abs(sum / 7000 - 0.5) < 0.02, `mean ${sum / 7000}`);
  assert.ok(
    counts.every((c) => c > 850 && c < 1150),
    `counts ${counts}`,
  );
});

test('normal() has mean 0 and variance 1', () => {
  const rng = createRng(2);
  const n = 20000;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const z = rng.normal();
    s += z;
    s2 += z * z;
  }
  assert.ok(Math.abs(s / n) < 0.03, `mean ${s / n}`);
  assert.ok(Math.abs(s2 / n - 1) < 0.04, `variance ${s2 / n}`);
});

test('permutation and shuffleInPlace give every index once; choice draws k indices in range', () => {
  const rng = createRng(3);
  const p = rng.permutation(50);
  assert.deepEqual(
    Array.from(p).sort((a, b) => a - b),
    Array.from({ length: 50 }, (_, i) => i),
  );
  assert.notDeepEqual(
    Array.from(p),
    Array.from({ length: 50 }, (_, i) => i),
  );
  const out = new Int32Array(10);
  assert.equal(rng.permutation(10, out), out);
  const c = rng.choice(5, 100);
  assert.equal(c.length, 100);
  assert.ok(c.every((v) => v >= 0 && v < 5));
  assert.equal(new Set(c).size, 5);
  const buf = new Int32Array(3);
  assert.equal(rng.choice(5, 3, buf), buf);
});

test('getState/setState resumes the exact stream, the cached normal included', () => {
  const rng = createRng(4);
  rng.normal(); // leaves a spare normal cached
  const state = rng.getState();
  const a = [rng.normal(), rng.next(), rng.normal()];
  const other = createRng(99);
  other.setState(state);
  assert.deepEqual([other.normal(), other.next(), other.normal()], a);
  assert.deepEqual(JSON.parse(JSON.stringify(state)), state, 'the state is plain JSON');
});

test('a seed that is not a safe integer, int(n) for n ≤ 0 and a short choice buffer throw', () => {
  assert.throws(() => createRng(1.5), /createRng: seed must be a safe integer, got 1.5/);
  assert.throws(() => createRng(Number.NaN), /got NaN/);
  const rng = createRng(0);
  assert.throws(() => rng.int(0), /Rng.int: n must be a positive integer, got 0/);
  assert.throws(() => rng.int(2.5), /got 2.5/);
  assert.throws(() => rng.choice(3, 4, new Int32Array(2)), /out has 2 slots, need 4/);
});

test('seeds whose low and high 32-bit words are equal get a working stream of their own', () => {
  const a = createRng(1 + 2 ** 32);
  const b = createRng(7 * 2 ** 32 + 7);
  const xs = [a.next(), a.next(), b.next(), b.next()];
  assert.equal(new Set(xs).size, 4);
});
