import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  FileWriteError,
  removeStaleTempFiles,
  writeFileAtomic,
} from '../../../src/platform/node/atomic-write.js';

const root = mkdtempSync(join(tmpdir(), 'gradlab-atomic-'));
after(() => rmSync(root, { recursive: true, force: true }));

function freshDir(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  return dir;
}

describe('writeFileAtomic', () => {
  it('writes bytes and strings, replacing an existing file, and leaves no temporary file', () => {
    const dir = freshDir('ok');
    const p = join(dir, 'model.safetensors');
    writeFileSync(p, 'old contents that are longer');
    writeFileAtomic(p, Uint8Array.of(1, 2, 3));
    assert.deepEqual([...readFileSync(p)], [1, 2, 3]);
    writeFileAtomic(p, 'héllo');
    assert.equal(readFileSync(p, 'utf8'), 'héllo');
    assert.deepEqual(readdirSync(dir), ['model.safetensors']);
  });

  it('writes an empty file', () => {
    const dir = freshDir('empty');
    writeFileAtomic(join(dir, 'e'), new Uint8Array(0));
    assert.equal(readFileSync(join(dir, 'e')).length, 0);
  });

  it('leaves the target untouched and removes the temporary file when the rename fails', () => {
    const dir = freshDir('fail');
    const target = join(dir, 'target');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    assert.throws(
      () => writeFileAtomic(target, 'new'),
      (e: unknown) =>
        e instanceof FileWriteError &&
        e.path === target &&
        /cannot write the file \(E[A-Z]+\)/.test(e.message),
    );
    assert.deepEqual(readdirSync(dir), ['target']);
    assert.equal(readFileSync(join(target, 'keep'), 'utf8'), 'x');
  });

  it('names the target when its directory does not exist', () => {
    const p = join(root, 'no-such-dir', 'f.json');
    assert.throws(
      () => writeFileAtomic(p, '{}'),
      (e: unknown) => e instanceof FileWriteError && e.path === p && e.message.includes('ENOENT'),
    );
  });
});

describe('removeStaleTempFiles', () => {
  it('removes the temporary files of dead processes and keeps live ones and everything else', () => {
    const dir = freshDir('stale');
    // A process that has exited: its pid is free (reuse within the test is vanishingly unlikely).
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const stale = `.checkpoint.safetensors.${dead}.3.m1abc.tmp`;
    const live = `.metrics.json.${process.pid}.7.m1abd.tmp`;
    for (const name of [stale, live, 'checkpoint.safetensors', '.hidden.tmp', 'x.1.2.a.tmp'])
      writeFileSync(join(dir, name), 'x');
    assert.deepEqual(removeStaleTempFiles(dir), [stale]);
    assert.deepEqual(
      readdirSync(dir).sort(),
      [live, '.hidden.tmp', 'checkpoint.safetensors', 'x.1.2.a.tmp'].sort(),
    );
  });

  it('removes nothing from a folder that does not exist', () => {
    assert.deepEqual(removeStaleTempFiles(join(root, 'absent')), []);
  });
});
