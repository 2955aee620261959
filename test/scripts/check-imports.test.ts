import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFile, importsOf, partOf } from '../../scripts/check-imports.js';

const messages = (path: string, text: string) => checkFile(path, text).map((p) => p.message);

test('imports are found across lines, type-only and dynamic ones included', () => {
  const text = [
    "import type { DType } from '../backend/backend.js';",
    'import {',
    '  a,',
    "} from './a.js';",
    "export * from './b.js';",
    ' * @example import { x } from "../c.js"', // a doc comment line is not an import
    "const m = await import('node:fs');",
  ].join('\n');
  assert.deepEqual(
    importsOf(text).map((i) => [i.specifier, i.line]),
    [
      ['../backend/backend.js', 1],
      ['./a.js', 4],
      ['./b.js', 5],
      ['node:fs', 7],
    ],
  );
});

test('a layer or model importing a backend, even for a type, is reported', () => {
  assert.match(
    messages('src/layers/affine.ts', "import type { DType } from '../backend/backend.js';")[0],
    /^layers imports backend \(src\/backend\/backend\.ts\)/,
  );
  assert.equal(
    messages('src/models/init.ts', "import { getBackend } from '../backend/registry.js';").length,
    1,
  );
  assert.deepEqual(
    messages('src/tensor/ops/add.ts', "import { getBackend } from '../../backend/registry.js';"),
    [],
  );
});

test('an upward edge, or optim leaving tensor, is reported; a downward edge passes', () => {
  assert.deepEqual(
    messages('src/optim/sgd.ts', "import type { Params } from '../models/network.js';"),
    ['optim imports models (src/models/network.ts): optim/ depends on tensor only'],
  );
  assert.deepEqual(messages('src/train/x.ts', "import { Sgd } from '../optim/sgd.js';"), []);
  assert.match(
    messages('src/tensor/x.ts', "import { relu } from '../functions/activations.js';")[0],
    /upward/,
  );
});

test('node built-ins are refused outside cli, platform and web', () => {
  assert.match(
    messages('src/losses/x.ts', "import { readFileSync } from 'node:fs';")[0],
    /only cli\//,
  );
  assert.match(messages('src/train/x.ts', "import { join } from 'path';")[0], /only cli\//);
  assert.deepEqual(
    messages('src/platform/node/x.ts', "import { readFileSync } from 'node:fs';"),
    [],
  );
});

test('web reaches the library only through gradlab', () => {
  assert.match(
    messages('web/src/a.ts', "import { tensor } from '../../src/tensor/creation.js';")[0],
    /public entry/,
  );
  assert.match(
    messages('web/src/a.ts', "import { x } from 'gradlab/src/train/x.js';")[0],
    /public entry/,
  );
  assert.deepEqual(
    messages('web/src/a.ts', "import { tensor } from 'gradlab';\nimport { b } from './b.js';"),
    [],
  );
});

test('a folder without a rank is reported, so a new folder must be placed', () => {
  assert.equal(partOf('src/index.ts'), 'index');
  assert.match(
    messages('src/newthing/a.ts', "import { x } from '../tensor/tensor.js';")[0],
    /without a rank/,
  );
});
