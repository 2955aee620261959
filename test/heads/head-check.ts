/**
 * Shared checks of the likelihood heads: the loss layer's backward and a whole network's backprop
 * against central differences in float64 on both backends, and sample statistics of 10⁴ seeded
 * draws against the distribution's moments, within 4 standard errors.
 */
import assert from 'node:assert/strict';
import { createJsBackend } from '../../src/backend/js/js-backend.js';
import { setBackend } from '../../src/backend/registry.js';
import { createWasmBackendSync } from '../../src/backend/wasm/wasm-backend.js';
import type { Head } from '../../src/heads/head.js';
import type { Labels } from '../../src/layers/layer.js';
import { MultiLayerNet } from '../../src/models/multi-layer-net.js';
import { gradientCheck } from '../../src/numerical/gradient-check.js';
import { createRng, randn, type Tensor } from '../../src/tensor/index.js';
import { assertLossLayerGradients } from '../helpers/gradcheck.js';

/** The draws per statistics test. */
export const DRAWS = 10_000;

/** Runs `body` once with the js backend and once with wasm, restoring the previous backend. */
export function onBothBackends(body: (backend: string) => void): void {
  for (const [name, make] of [
    ['js', createJsBackend],
    ['wasm', createWasmBackendSync],
  ] as const) {
    const previous = setBackend(make());
    try {
      body(name);
    } finally {
      setBackend(previous);
    }
  }
}

/**
 * The head's loss layer at `output` and a network (3 → 5 sigmoid → head.outputSize(size)) ending
 * in it: backward matches the numerical gradient (max relative difference < 1e-6), on js and wasm.
 * `makeOutput` and `makeTarget` run inside each backend so their tensors live there.
 */
export function assertHeadGradients(
  head: Head,
  size: number,
  makeOutput: () => Tensor,
  makeTarget: () => Labels,
): void {
  onBothBackends((backend) => {
    const output = makeOutput();
    const t = makeTarget();
    head.checkTarget(t, size);
    assertLossLayerGradients(head.createLoss(), output, t, { rng: createRng(3) });
    const net = new MultiLayerNet({
      inputSize: 3,
      hiddenSizes: [5],
      outputSize: head.outputSize(size),
      activation: 'sigmoid',
      weightInit: 'xavier',
      lastLayer: head.createLoss(),
      rng: createRng(4),
    });
    const x = randn([output.shape[0], 3], createRng(5));
    const report = gradientCheck(net.gradient(x, t).grads, net.numericalGradient(x, t));
    for (const [key, r] of Object.entries(report)) {
      assert.ok(r.maxRel < 1e-6, `${head.name} on ${backend}: ${key} ${r.maxRel.toExponential(2)}`);
    }
  });
}

/** Sample mean and (unbiased) variance. */
export function moments(values: ArrayLike<number>): { mean: number; variance: number } {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  const mean = s / values.length;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i] - mean) ** 2;
  return { mean, variance: ss / (values.length - 1) };
}

/**
 * Asserts |sample mean − μ| < 4·√(σ²/n) and |sample variance − σ²| < 4·√((μ₄ − σ⁴)/n), μ₄ the
 * fourth central moment: the band is 4 standard errors of each statistic.
 */
export function assertMoments(
  what: string,
  draws: ArrayLike<number>,
  mean: number,
  variance: number,
  fourth: number,
): void {
  const n = draws.length;
  const m = moments(draws);
  const meanBand = 4 * Math.sqrt(variance / n);
  const varBand = 4 * Math.sqrt((fourth - variance * variance) / n);
  assert.ok(
    Math.abs(m.mean - mean) < meanBand,
    `${what}: mean ${m.mean}, expected ${mean} ± ${meanBand}`,
  );
  assert.ok(
    Math.abs(m.variance - variance) < varBand,
    `${what}: variance ${m.variance}, expected ${variance} ± ${varBand}`,
  );
}
