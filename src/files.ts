/**
 * Files the run writes for people and later jobs (the result file, a summary, a dotenv report) are
 * checked before any call: a run must not start an execution and then fail to say so.
 */
import { access, mkdir, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { InputError, quote } from './errors.js';

/**
 * Makes sure `file` can be written: its folder is created when missing (as `mkdir -p` would: a CI job
 * writes `reports/qflow.md` into a fresh checkout); a folder where the file should be, or a place that
 * cannot be written, is an error naming the setting. Returns the path as given.
 */
export async function prepareOutputFile(setting: string, file: string, example = 'qflow.json'): Promise<string> {
  // Blank (an unset "$SUMMARY") or ending in a slash (`reports/`): no file is named.
  if (file.trim() === '') throw new InputError(`${setting} is blank. Expected the path of a file, such as ${quote(example)}.`);
  if (/[\\/]$/.test(file))
    throw new InputError(`${setting} names the folder ${quote(file)}. Expected a file, such as ${quote(path.join(file, example))}.`);
  const folder = path.dirname(path.resolve(file));
  const found = await stat(file).catch(() => undefined);
  if (found?.isDirectory())
    throw new InputError(`${setting} names the folder ${quote(file)}. Expected a file, such as ${quote(path.join(file, example))}.`);
  try {
    await mkdir(folder, { recursive: true });
    await access(found ? file : folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file stands where a folder of its path should be' : (code ?? (error as Error).message);
    throw new InputError(`${setting} is ${quote(file)}, which cannot be written (${why}). Expected a file in a folder this job may write to.`);
  }
  return file;
}
