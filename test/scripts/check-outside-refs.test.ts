import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findOutsideRefs } from '../../scripts/check-outside-refs.js';

// The fixtures are assembled from pieces so that this file does not trip the check itself.
const style = 'STYLE' + '.md';
const issue = 'iss' + 'ue 3';
const seed = 'se' + 'eds 000 and 002';

test('a comment naming the style guide, an issue or a study note is reported with its line', () => {
  const text = [
    '// fine: docs/math.md §3',
    `// see ${style}`,
    ` * (${issue}'s list)`,
    `// ${seed}`,
  ].join('\n');
  assert.deepEqual(
    findOutsideRefs('x.ts', text).map((h) => [h.line, h.what]),
    [
      [2, 'the house style guide'],
      [3, 'a tracker issue'],
      [4, 'a study note'],
    ],
  );
});

test('ordinary words and random seeds pass', () => {
  for (const line of [
    '// seed 0 gives the same run',
    'createRng(42); // seed 42',
    '// an issue with the loss',
    '// docs/book-map.md',
  ])
    assert.deepEqual(findOutsideRefs('x.ts', line), [], line);
});
