import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeSafetensors } from '../../src/io/safetensors-decode.js';
import { encodeSafetensors, SafetensorsError } from '../../src/io/safetensors.js';

const ascii = (s: string): number[] => [...new TextEncoder().encode(s)];
const u64 = (n: number): number[] => [n, 0, 0, 0, 0, 0, 0, 0];

describe('encodeSafetensors', () => {
  it('writes the bytes the spec prescribes: size, JSON header padded with spaces, LE data', () => {
    const bytes = encodeSafetensors(
      {
        a: { dtype: 'F32', shape: [2], data: Float32Array.of(0.5, -2) },
        b: { dtype: 'F64', shape: [1], data: Float64Array.of(0.5) },
      },
      { format: 'pt', author: 'xy' },
    );
    // Metadata first; then tensors by descending dtype (F64 before F32), then name.
    const header =
      '{"__metadata__":{"author":"xy","format":"pt"},' +
      '"b":{"dtype":"F64","shape":[1],"data_offsets":[0,8]},' +
      '"a":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}}';
    assert.equal(header.length, 153);
    const expected = [
      ...u64(160),
      ...ascii(header),
      ...ascii('       '), // 7 spaces: 153 -> 160, a multiple of 8
      ...[0, 0, 0, 0, 0, 0, 0xe0, 0x3f], // 0.5 as f64
      ...[0, 0, 0, 0x3f], // 0.5 as f32
      ...[0, 0, 0, 0xc0], // -2 as f32
    ];
    assert.deepEqual([...bytes], expected);
  });

  it('writes an unpadded header when it is already a multiple of 8 bytes', () => {
    const bytes = encodeSafetensors({
      'attn.0': { dtype: 'F32', shape: [1, 2, 3], data: Float32Array.of(0, 1, 2, 3, 4, 5) },
    });
    const header = '{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}';
    assert.deepEqual([...bytes.subarray(0, 72)], [...u64(64), ...ascii(header)]);
    assert.deepEqual([...bytes.subarray(72, 80)], [0, 0, 0, 0, 0, 0, 0x80, 0x3f]);
    assert.equal(bytes.length, 8 + 64 + 24);
  });

  it('writes an empty file as {} padded to 8 bytes', () => {
    assert.deepEqual([...encodeSafetensors({})], [...u64(8), ...ascii('{}      ')]);
  });

  it('orders names by code point, as Rust compares UTF-8 bytes', () => {
    const t = { dtype: 'U8' as const, shape: [0], data: new Uint8Array(0) };
    const bytes = encodeSafetensors({ '\u{1F600}': t, '\uFF21': t, B: t, a: t });
    const text = new TextDecoder().decode(bytes.subarray(8));
    const order = ['"B"', '"a"', '"\uFF21"', '"\u{1F600}"'].map((k) => text.indexOf(k));
    assert.deepEqual(
      [...order].sort((x, y) => x - y),
      order,
    );
  });

  it('keeps a tensor named __proto__ as an ordinary key', () => {
    const tensors = JSON.parse('{"__proto__": 1}') as Record<string, unknown>;
    tensors['__proto__'] = { dtype: 'I8', shape: [1], data: Int8Array.of(-3) };
    const back = decodeSafetensors(encodeSafetensors(tensors as never), 'p');
    assert.deepEqual([...back.tensors['__proto__'].data], [-3]);
  });

  it('rejects mismatched data, unknown dtypes, bad shapes and the reserved name', () => {
    const bad = (tensors: Record<string, unknown>, pattern: RegExp): void =>
      assert.throws(
        () => encodeSafetensors(tensors as never),
        (e: unknown) => e instanceof SafetensorsError && pattern.test(e.message),
      );
    bad(
      { w: { dtype: 'F32', shape: [3], data: new Float32Array(2) } },
      /shape \[3\] holds 3 elements, data has 2/,
    );
    bad(
      { w: { dtype: 'F32', shape: [2], data: new Float64Array(2) } },
      /F32 expects Float32Array data, got Float64Array/,
    );
    bad({ w: { dtype: 'Q4', shape: [2], data: new Float32Array(2) } }, /unknown dtype Q4/);
    bad({ w: { dtype: 'F32', shape: [-2], data: new Float32Array(2) } }, /non-negative integers/);
    bad({ __metadata__: { dtype: 'F32', shape: [0], data: new Float32Array(0) } }, /reserved/);
  });
});

describe('safetensors round trip', () => {
  it('returns F32, F64 and integer tensors and the metadata unchanged', () => {
    const tensors = {
      W1: {
        dtype: 'F32' as const,
        shape: [2, 3],
        data: Float32Array.of(1, -2, 3.5, 1e-30, Infinity, -0),
      },
      b1: { dtype: 'F64' as const, shape: [3], data: Float64Array.of(Math.PI, -1e300, 5e-324) },
      step: { dtype: 'I64' as const, shape: [], data: BigInt64Array.of(-(2n ** 62n)) },
      seen: { dtype: 'I32' as const, shape: [2], data: Int32Array.of(-1, 2 ** 31 - 1) },
      mask: { dtype: 'BOOL' as const, shape: [1, 2], data: Uint8Array.of(1, 0) },
      empty: { dtype: 'U16' as const, shape: [0, 4], data: new Uint16Array(0) },
    };
    const metadata = { format: 'gradlab', 'note ✓': 'ünïcode' };
    const back = decodeSafetensors(encodeSafetensors(tensors, metadata), 'rt');
    assert.deepEqual({ ...back.metadata }, metadata);
    assert.deepEqual(Object.keys(back.tensors).sort(), Object.keys(tensors).sort());
    for (const [name, t] of Object.entries(tensors)) {
      const got = back.tensors[name];
      assert.equal(got.dtype, t.dtype);
      assert.deepEqual(got.shape, t.shape);
      assert.equal(got.data.constructor, t.data.constructor, name);
      assert.deepEqual([...got.data], [...t.data], name);
    }
  });

  it('rounds F16 and BF16 to the nearest representable value and reads them as Float32Array', () => {
    const back = decodeSafetensors(
      encodeSafetensors({
        h: { dtype: 'F16', shape: [3], data: Float32Array.of(1 / 3, 70000, 2 ** -24) },
        g: { dtype: 'BF16', shape: [2], data: Float32Array.of(1 / 3, 3e38) },
      }),
      'half',
    );
    assert.ok(back.tensors.h.data instanceof Float32Array);
    assert.deepEqual([...back.tensors.h.data], [0.333251953125, Infinity, 2 ** -24]);
    assert.deepEqual([...back.tensors.g.data], [0.333984375, 226 * 2 ** 120]);
  });

  it('returns data in fresh aligned arrays even when a tensor starts at an odd offset', () => {
    // Hand-built: a 1-byte tensor first, then an F32 at offset 1 of the buffer.
    const header =
      '{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"f":{"dtype":"F32","shape":[1],"data_offsets":[1,5]}}';
    const file = new Uint8Array(8 + header.length + 5);
    file[0] = header.length;
    file.set(new TextEncoder().encode(header), 8);
    file.set([7, 0, 0, 0x80, 0x3f], 8 + header.length);
    const back = decodeSafetensors(file, 'odd');
    assert.deepEqual([...back.tensors.f.data], [1]);
    assert.equal(back.tensors.f.data.byteOffset, 0);
  });
});
