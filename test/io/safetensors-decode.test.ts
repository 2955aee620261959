import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeSafetensors } from '../../src/io/safetensors-decode.js';
import { encodeSafetensors, SafetensorsError } from '../../src/io/safetensors.js';
import { applyMutation, mutationArb, typedErrorOrValid } from '../helpers/mutation.js';

/** A file from a header text and a data buffer; `size` overrides the header size field. */
function file(
  header: string | Uint8Array,
  buffer: ArrayLike<number> = [],
  size?: number,
): Uint8Array {
  const h = typeof header === 'string' ? new TextEncoder().encode(header) : header;
  const out = new Uint8Array(8 + h.length + buffer.length);
  const view = new DataView(out.buffer);
  const n = size ?? h.length;
  view.setUint32(0, n % 2 ** 32, true);
  view.setUint32(4, Math.floor(n / 2 ** 32), true);
  out.set(h, 8);
  out.set(Array.from(buffer), 8 + h.length);
  return out;
}

const entry = (dtype: string, shape: unknown, offsets: unknown): string =>
  JSON.stringify({ dtype, shape, data_offsets: offsets });

function rejects(bytes: Uint8Array, pattern: RegExp): void {
  assert.throws(
    () => decodeSafetensors(bytes, 'm.safetensors'),
    (e: unknown) => {
      assert.ok(e instanceof SafetensorsError, `expected SafetensorsError, got ${String(e)}`);
      assert.equal(e.source, 'm.safetensors');
      assert.match(e.message, pattern);
      return true;
    },
  );
}

const valid = encodeSafetensors(
  {
    W: { dtype: 'F32', shape: [2, 2], data: Float32Array.of(1, 2, 3, 4) },
    b: { dtype: 'F64', shape: [2], data: Float64Array.of(-1, 0.25) },
    h: { dtype: 'F16', shape: [1], data: Float32Array.of(2) },
  },
  { format: 'gradlab' },
);

describe('decodeSafetensors', () => {
  it('accepts a file whose tensors are listed out of offset order', () => {
    const header = `{"y":${entry('U8', [1], [2, 3])},"x":${entry('I16', [1], [0, 2])}}`;
    const got = decodeSafetensors(file(header, [0xff, 0xff, 9]), 'm');
    assert.deepEqual([...got.tensors.x.data], [-1]);
    assert.deepEqual([...got.tensors.y.data], [9]);
  });

  it('accepts __metadata__: null, trailing spaces and zero-sized tensors', () => {
    const header = `{"__metadata__":null,"e":${entry('F32', [0], [0, 0])},"s":${entry('I8', [], [0, 1])}}   `;
    const got = decodeSafetensors(file(header, [0xfe]), 'm');
    assert.deepEqual({ ...got.metadata }, {});
    assert.equal(got.tensors.e.data.length, 0);
    assert.deepEqual([...got.tensors.s.data], [-2]);
  });

  it('rejects a file shorter than the size field', () => {
    rejects(new Uint8Array(7), /at least 8 bytes .*found 7/);
  });

  it('rejects a header size over 100 MB, including sizes above 2^32', () => {
    rejects(file('{}', [], 100_000_001), /header size 100000001 is over the 100000000-byte limit/);
    rejects(file('{}', [], 2 ** 40), /over the .* limit/);
  });

  it('rejects a header size past the end of the file', () => {
    rejects(
      file('{}', [], 3),
      /header size 3 runs past the end of the file: expected at most 2 bytes/,
    );
  });

  it('rejects an empty header or one not starting with {', () => {
    rejects(file(''), /start with '\{', found an empty header/);
    rejects(file(' {}'), /found byte 0x20/);
  });

  it('rejects a header that is not UTF-8 or not JSON', () => {
    rejects(file(Uint8Array.of(0x7b, 0xff, 0x7d)), /not valid UTF-8/);
    rejects(file('{"a":'), /not valid JSON/);
  });

  it('rejects metadata that is not a string map', () => {
    rejects(file('{"__metadata__":{"epoch":3}}'), /__metadata__\.epoch must be a string, found 3/);
    rejects(file('{"__metadata__":["a"]}'), /__metadata__ must be an object of strings/);
  });

  it('rejects tensor entries of the wrong form', () => {
    rejects(
      file('{"w":[1]}'),
      /tensor "w": expected an object \{dtype, shape, data_offsets\}, found \[1\]/,
    );
    rejects(
      file(`{"w":{"dtype":"F32","shape":[0]}}`),
      /exactly the keys dtype, shape, data_offsets, found dtype, shape/,
    );
    rejects(
      file(`{"w":{"dtype":"F32","shape":[0],"data_offsets":[0,0],"x":1}}`),
      /found data_offsets, dtype, shape, x/,
    );
  });

  it('rejects unknown and unsupported dtypes, listing the supported ones', () => {
    rejects(
      file(`{"w":${entry('F8_E4M3', [0], [0, 0])}}`),
      /unsupported dtype "F8_E4M3"; expected one of BOOL, U8, .*F64/,
    );
    rejects(file(`{"w":${entry('float32', [0], [0, 0])}}`), /unsupported dtype "float32"/);
  });

  it('rejects shapes that are not arrays of non-negative integers', () => {
    for (const shape of [[-1], [1.5], ['2'], 2, [2 ** 53]]) {
      rejects(
        file(`{"w":${entry('U8', shape, [0, 0])}}`),
        /shape to be an array of non-negative integers/,
      );
    }
  });

  it('rejects offsets that are malformed or outside the buffer', () => {
    for (const offsets of [[0], [0, 1, 2], [-1, 0], [1, 0], [0.5, 1], [0, 9], 'x']) {
      rejects(
        file(`{"w":${entry('U8', [1], offsets)}}`, [1, 2]),
        /data_offsets \[begin, end\] with 0 ≤ begin ≤ end ≤ 2/,
      );
    }
  });

  it('rejects a shape whose byte size differs from the offsets, with no overflow', () => {
    rejects(
      file(`{"w":${entry('F32', [3], [0, 8])}}`, new Uint8Array(8)),
      /shape \[3\] of F32 needs 12 bytes, data_offsets span 8/,
    );
    const huge = [2 ** 40, 2 ** 40, 2 ** 40];
    rejects(
      file(`{"w":${entry('F64', huge, [0, 8])}}`, new Uint8Array(8)),
      /needs 10633823966279326983230456482242756608 bytes/,
    );
  });

  it('rejects overlapping tensors', () => {
    const header = `{"a":${entry('U8', [2], [0, 2])},"b":${entry('U8', [2], [1, 3])}}`;
    rejects(
      file(header, [1, 2, 3]),
      /tensor b: data_offsets \[1, 3\) overlap the previous tensor, which ends at 2/,
    );
  });

  it('rejects a gap between tensors', () => {
    const header = `{"a":${entry('U8', [1], [0, 1])},"b":${entry('U8', [1], [2, 3])}}`;
    rejects(file(header, [1, 2, 3]), /tensor b: data_offsets start at 2, expected 1/);
  });

  it('rejects a buffer the tensors do not fully cover', () => {
    rejects(
      file(`{"a":${entry('U8', [1], [0, 1])}}`, [1, 2]),
      /cover 1 bytes of the 2-byte data buffer/,
    );
  });

  it('ends in SafetensorsError or a consistent result for any mutation or truncation', () => {
    fc.assert(
      fc.property(mutationArb(5), (m) => {
        const bytes = applyMutation(valid, m);
        typedErrorOrValid(
          () => decodeSafetensors(bytes, 'fuzz'),
          [SafetensorsError],
          (got) => {
            for (const t of Object.values(got.tensors)) {
              assert.equal(
                t.data.length,
                t.shape.reduce((p, d) => p * d, 1),
              );
            }
          },
        );
      }),
      { numRuns: 200, seed: 4 },
    );
  });

  it('ends in SafetensorsError or a consistent result for random headers', () => {
    const tensorInfo = fc.record({
      dtype: fc.constantFrom('F32', 'F64', 'U8', 'I64', 'BF16', 'X'),
      shape: fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 3 }),
      data_offsets: fc.array(fc.integer({ min: -1, max: 40 }), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 4 }), tensorInfo, { maxKeys: 4 }),
        fc.nat(40),
        (header, n) => {
          try {
            decodeSafetensors(file(JSON.stringify(header), new Uint8Array(n)), 'fuzz');
          } catch (e) {
            if (!(e instanceof SafetensorsError)) throw e;
          }
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });
});
