import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAt } from '../../src/cli/graph-command.js';
import { assertOneLine, runCli, runMain } from './cli-harness.js';

test('graph --example apple-orange prints the book lines of buy_apple_orange.py', async () => {
  const r = await runMain(['graph', '--example', 'apple-orange']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    'price: 715\ndApple: 2.2\ndApple_num: 110\ndOrange: 3.3\ndOrange_num: 165\ndTax: 650\n',
  );
});

test('graph --example apple prints the book lines of buy_apple.py', async () => {
  const r = await runMain(['graph', '--example', 'apple']);
  assert.equal(r.stdout, 'price: 220\ndApple: 2.2\ndApple_num: 110\ndTax: 200\n');
});

test('graph EXPR --at prints the value and every gradient, and --out writes the figure', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradlab-graph-'));
  const out = join(dir, 'sub', 'chain.svg');
  // A child process: the figure is written after an await, while runMain's capture would also
  // catch the test runner's own output.
  const r = await runCli(['graph', '(x + y)^2', '--at', 'x=1,y=2', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `f = (x + y)^2\nf: 9\n∂f/∂x: 6\n∂f/∂y: 6\nwrote ${out}\n`);
  const svg = readFileSync(out, 'utf8');
  assert.match(svg, /<svg/);
  assert.match(svg, />\*\*2<\/text>/);
  const png = join(dir, 'apple.png');
  assert.equal((await runCli(['graph', 'a * b', '--at', 'a=100,b=2', '--out', png])).code, 0);
  assert.deepEqual([...readFileSync(png).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const dot = join(dir, 'g.dot');
  const d = await runCli(['graph', 'sin(t) * t', '--at', 't=0.5', '--out', dot]);
  assert.match(d.stdout, /∂f\/∂t: 0\.91821681954/); // cos t · t + sin t at ½
  assert.match(readFileSync(dot, 'utf8'), /^digraph g \{/);
});

test('bad input gets one line and a non-zero exit, and writes no file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradlab-graph-'));
  const cases: [string[], number, RegExp][] = [
    [['graph'], 2, /give an expression/],
    [['graph', 'a * q', '--at', 'a=1'], 1, /unknown name 'q'/],
    [['graph', 'a', '--at', 'a=1,b'], 2, /--at.*name=number pairs/],
    [
      ['graph', 'a', '--at', 'a=1', '--out', join(dir, 'x.txt')],
      2,
      /ending in \.svg, \.png or \.dot/,
    ],
    [['graph', 'a', '--at', 'a=1', '--example', 'apple'], 2, /not both/],
    [['graph', '--example', 'pear'], 2, /--example/],
    [['graph', 'abs(a)', '--at', 'a=1'], 1, /abs is not differentiable/],
    [['graph', 'a +', '--at', 'a=1'], 1, /expression 'a \+'/],
  ];
  for (const [args, code, message] of cases) {
    const r = await runMain(args);
    assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`);
    assertOneLine(r);
    assert.match(r.stderr, message);
  }
  assert.equal(existsSync(join(dir, 'x.txt')), false);
});

test('parseAt reads name=number pairs', () => {
  assert.deepEqual(parseAt('a=100,b=2'), { a: 100, b: 2 });
  assert.deepEqual(parseAt(' x = -1.5e-3 '), { x: -0.0015 });
  assert.throws(() => parseAt('a=1,a=2'), /'a' is given twice/);
  assert.throws(() => parseAt('a=x'), /name=number/);
});
