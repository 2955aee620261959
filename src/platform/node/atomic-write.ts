import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/**
 * A file that could not be written. `path` is the target (not the temporary file); `cause` holds
 * the underlying Node error (its `code`, e.g. ENOENT, EACCES, ENOSPC, says why).
 * @example
 * try { writeFileAtomic('/no/such/dir/x', 'a'); } catch (e) { (e as FileWriteError).path; } // is '/no/such/dir/x'
 */
export class FileWriteError extends Error {
  override readonly name = 'FileWriteError';
  readonly path: string;
  constructor(path: string, cause: unknown) {
    const code = (cause as { code?: unknown }).code;
    const why = typeof code === 'string' ? code : (cause as Error).message;
    super(`${path}: cannot write the file (${why})`, { cause });
    this.path = path;
  }
}

/** `.<name>.<pid>.<counter>.<clock>.tmp`, the temporary names tempPathFor makes. */
const TEMP_NAME = /^\.(.+)\.(\d+)\.\d+\.[0-9a-z]+\.tmp$/;

function tempPathFor(path: string): string {
  // pid + counter + clock keeps concurrent writers (threads, processes) on distinct names;
  // the 'wx' open below refuses to reuse a name anyway.
  counter = (counter + 1) % 1e9;
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${counter}.${Date.now().toString(36)}.tmp`,
  );
}

const DIR_FSYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'ENOTSUP']);

function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (e) {
    // Some platforms (Windows, some network file systems) cannot open or fsync a directory;
    // the rename itself has already happened, so this is a durability hint, not a failure.
    const code = (e as { code?: string }).code ?? '';
    if (!DIR_FSYNC_UNSUPPORTED.has(code)) throw new FileWriteError(dir, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes a file so that readers see either the old contents or the new, never a half-written
 * file: write a temporary file in the same directory, fsync it, rename it over the target
 * (atomic on POSIX within one file system), then fsync the directory so the rename is durable.
 * On any error the temporary file is removed, the target is left untouched, and a
 * FileWriteError naming the target is thrown.
 * @example
 * writeFileAtomic('runs/model.safetensors', encodeSafetensors(params)); // not run: writes a file
 */
export function writeFileAtomic(path: string, contents: Uint8Array | string): void {
  const bytes = typeof contents === 'string' ? new TextEncoder().encode(contents) : contents;
  const tmp = tempPathFor(path);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // the write error is the one worth reporting
      }
    }
    rmSync(tmp, { force: true });
    throw new FileWriteError(path, e);
  }
  fsyncDirectory(dirname(path));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that writeFileAtomic left in `dir` when its process was killed
 * (SIGKILL, power loss) between creating and renaming them; files of running processes are
 * kept, so a concurrent writer is never disturbed. Returns the names removed. A missing or
 * unreadable folder removes nothing.
 * @example
 * removeStaleTempFiles('runs/a'); // ['.checkpoint.safetensors.4242.7.m1x2y3.tmp'] (not run: needs a run folder)
 */
export function removeStaleTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (m === null || isRunning(Number(m[2]))) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
