import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { UsageError } from '../../src/cli/cli-error.js';
import { checkRunDirPath, openRunDir, resumeCheckpointPath } from '../../src/cli/run-folder.js';
import { CheckpointError } from '../../src/train/checkpoint.js';

const root = mkdtempSync(join(tmpdir(), 'gradlab-run-folder-'));
after(() => rmSync(root, { recursive: true, force: true }));
const file = join(root, 'notes.txt');
writeFileSync(file, 'x');

test('a run folder path that is a file is a usage error; a missing or existing folder is fine', () => {
  checkRunDirPath(join(root, 'new'));
  checkRunDirPath(root);
  assert.throws(
    () => checkRunDirPath(file),
    (e: unknown) =>
      e instanceof UsageError &&
      e.message ===
        `run folder ${file} is a file; expected a folder (created when missing): choose another --out or --name`,
  );
});

test('opening a run folder creates it with its parents and clears temporary files of killed runs', () => {
  const dir = join(root, 'a', 'b');
  openRunDir(dir);
  assert.ok(existsSync(dir));
  const dead = spawnSync(process.execPath, ['-e', '']).pid;
  writeFileSync(join(dir, `.checkpoint.safetensors.${dead}.1.abc.tmp`), 'half');
  openRunDir(dir);
  assert.deepEqual(readdirSync(dir), []);
  assert.throws(
    () => openRunDir(join(file, 'sub')),
    (e: unknown) =>
      e instanceof UsageError &&
      /^cannot create the run folder .*notes\.txt\/sub \(ENOTDIR\); choose another --out or --name$/.test(
        e.message,
      ),
  );
});

test('--resume names the folder and what is wrong with it: missing, a file, or no checkpoint', () => {
  const empty = join(root, 'empty');
  mkdirSync(empty);
  const cases: [string, RegExp][] = [
    [
      join(root, 'absent'),
      /absent: no such folder; expected the folder of a run started by gradlab train$/,
    ],
    [file, /notes\.txt: this is a file; expected the folder of a run/],
    [empty, /empty: no checkpoint\.safetensors in this folder; expected the folder of a run/],
  ];
  for (const [dir, pattern] of cases) {
    assert.throws(
      () => resumeCheckpointPath(dir),
      (e: unknown) => e instanceof CheckpointError && pattern.test(e.message),
      dir,
    );
  }
  writeFileSync(join(empty, 'checkpoint.safetensors'), 'x');
  assert.equal(resumeCheckpointPath(empty), join(empty, 'checkpoint.safetensors'));
});
