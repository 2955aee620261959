import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UnaryOp } from '../../../src/backend/backend.js';
import { createJsBackend } from '../../../src/backend/js/js-backend.js';
import { BINARY_OPS, KERNELS, UNARY_OPS, opCode } from '../../../src/backend/kernels.js';
import { kernelModule, kernelsWasmBytes } from '../../../src/backend/wasm/kernel-exports.js';
import { createWasmBackendSync } from '../../../src/backend/wasm/wasm-backend.js';

describe('kernel table', () => {
  it('numbers the ops by their place in the op lists', () => {
    assert.equal(opCode('unary', 'relu'), 0);
    assert.equal(opCode('unary', 'step'), UNARY_OPS.length - 1);
    assert.equal(opCode('binary', 'min'), BINARY_OPS.length - 1);
    assert.equal(opCode('binary', 'sigmoidBackward'), BINARY_OPS.length + 1);
  });

  it('refuses an unknown op name on both backends instead of running another op', () => {
    assert.throws(
      () => opCode('unary', 'softplus'),
      /unknown unary op 'softplus', expected one of relu/,
    );
    for (const backend of [createWasmBackendSync(), createJsBackend()]) {
      const x = backend.alloc('float32', 5);
      assert.throws(
        () => backend.unary('softplus' as UnaryOp, x, x),
        /softplus/,
        `${backend.name} backend`,
      );
    }
  });

  it('traps in the module on an op code no kernel knows (no silent step)', () => {
    const mod = kernelModule(new WebAssembly.Instance(new WebAssembly.Module(kernelsWasmBytes())));
    const x = mod.heapBase;
    for (const kernels of [mod.float32, mod.float64]) {
      assert.throws(() => kernels.unary(UNARY_OPS.length, x, x, 4), WebAssembly.RuntimeError);
      assert.throws(() => kernels.binary(99, x, x, x, 4), WebAssembly.RuntimeError);
      assert.throws(() => kernels.binaryScalar(-1, x, 2, x, 4), WebAssembly.RuntimeError);
      kernels.unary(opCode('unary', 'step'), x, x, 4); // a known code runs
    }
  });

  it('gives every backend kernel of the table a method on both backends', () => {
    const names = Object.entries(KERNELS)
      .filter(([, k]) => !('backend' in k))
      .map(([n]) => n);
    for (const backend of [createWasmBackendSync(), createJsBackend()]) {
      for (const name of names) {
        assert.equal(
          typeof (backend as unknown as Record<string, unknown>)[name],
          'function',
          `${backend.name}.${name}`,
        );
      }
    }
  });
});
