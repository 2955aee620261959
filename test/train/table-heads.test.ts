import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvTextRows } from '../../src/data/csv-text.js';
import { tableHeads } from '../../src/train/table-heads.js';
import { trainingTable } from '../../src/train/training-table.js';

const csv = (header: string, rows: readonly (readonly (string | number)[])[]): string =>
  [header, ...rows.map((r) => r.join(','))].join('\n') + '\n';

describe('tableHeads', () => {
  it('offers the real-valued heads for real numbers and defaults to gaussian', async () => {
    const text = csv('x,y', [
      [1, 0.5],
      [2, -1.25],
      [3, 2.75],
    ]);
    const h = await tableHeads(csvTextRows('r.csv', text), 'y');
    assert.deepEqual(h.heads, ['categorical', 'gaussian', 'gaussian-variance', 'laplace']);
    assert.equal(h.defaultHead, 'gaussian');
    assert.deepEqual([h.rows, h.features], [3, 1]);
    assert.deepEqual(h.columns, ['x', 'y']);
  });

  it('offers only categorical for text labels, and poisson for counts', async () => {
    const labels = csv('x,kind', [
      [1, 'a'],
      [2, 'b'],
    ]);
    const text = await tableHeads(csvTextRows('c.csv', labels), 'kind');
    assert.deepEqual([text.heads, text.defaultHead], [['categorical'], 'categorical']);
    const counts = csv('x,n', [
      [1, 0],
      [2, 3],
      [3, 7],
    ]);
    const c = await tableHeads(csvTextRows('n.csv', counts), 'n');
    assert.ok(c.heads.includes('poisson') && !c.heads.includes('bernoulli'));
    assert.equal(c.defaultHead, 'categorical');
  });

  it('gives the TableError of a bad feature cell, naming its line and column', async () => {
    const text = csv('x0,x1,y', [
      [1, 2, 3],
      [1, 'abc', 3],
    ]);
    await assert.rejects(
      tableHeads(csvTextRows('bad.csv', text), 'y'),
      /^TableError: bad\.csv: line 3, column 'x1': 'abc' is not a number$/,
    );
    await assert.rejects(
      tableHeads(csvTextRows('h.csv', 'x,y\n'), 'y'),
      /the file has a header but no data rows/,
    );
  });
});

describe('trainingTable on a CSV text', () => {
  it('chooses the head by the default rule, splits 8:1:1 and standardises on the training rows', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [i, i % 3]);
    const t = await trainingTable(csvTextRows('s.csv', csv('x,k', rows)), {
      target: 'k',
      ratios: [8, 1, 1],
      seed: 0,
    });
    assert.equal(t.head.name, 'categorical');
    assert.equal(t.headChosen, 'default');
    assert.deepEqual([t.train.count, t.validation?.count, t.test.count], [40, 5, 5]);
    assert.deepEqual(t.meta.classes, ['0', '1', '2']);
    assert.equal(t.meta.scaling.mean.length, 1);
  });
});
