import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bytesToDtype,
  DTYPES,
  dtypeToBytes,
  isSafetensorsDtype,
} from '../../src/io/safetensors-dtype.js';

describe('safetensors dtypes', () => {
  it('writes little-endian bytes and reads them back into aligned arrays', () => {
    assert.deepEqual([...dtypeToBytes(Int32Array.of(-2), 'I32')], [0xfe, 0xff, 0xff, 0xff]);
    assert.deepEqual([...dtypeToBytes(BigInt64Array.of(1n), 'I64')], [1, 0, 0, 0, 0, 0, 0, 0]);
    const odd = Uint8Array.of(9, 0, 0, 0x80, 0x3f).subarray(1);
    assert.deepEqual([...bytesToDtype(odd, 'F32')], [1]);
  });

  it('writes F16 and BF16 from Float32Array values', () => {
    assert.deepEqual([...dtypeToBytes(Float32Array.of(1, -2), 'F16')], [0x00, 0x3c, 0x00, 0xc0]);
    assert.deepEqual([...dtypeToBytes(Float32Array.of(1), 'BF16')], [0x80, 0x3f]);
    assert.deepEqual([...bytesToDtype(Uint8Array.of(0x80, 0x3f), 'BF16')], [1]);
  });

  it('copies only the viewed part of a subarray', () => {
    const whole = Float64Array.of(1, 2, 3);
    assert.deepEqual([...bytesToDtype(dtypeToBytes(whole.subarray(1, 2), 'F64'), 'F64')], [2]);
  });

  it('knows the item size of every dtype and nothing else', () => {
    assert.equal(DTYPES.F64.size, 8);
    assert.equal(DTYPES.BOOL.size, 1);
    assert.equal(isSafetensorsDtype('BF16'), true);
    assert.equal(isSafetensorsDtype('toString'), false);
    assert.equal(isSafetensorsDtype(3), false);
  });
});
