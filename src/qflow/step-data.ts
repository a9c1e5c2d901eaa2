/**
 * A step's input or output as downloaded, made into one JSON value in its file. With `parseJson=true`
 * the answer is the JSON value itself; servers before 1.18 ignore the parameter and send it
 * serialized as a JSON string (qflow-api.md, "Step input and output"). Step data is data: an answer
 * that is not JSON at all (a plain-text output, a proxy's page) is kept as a JSON string, so the
 * result file is always valid JSON and the run's outcome never depends on what a step wrote.
 */
import { JsonChecker } from '../json-check.js';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { once } from 'node:events';

/** Step data up to this size is parsed whole (and scrubbed); larger files are checked as a stream. */
export const PARSED_STEP_DATA_BYTES = 16 * 1024 * 1024;

export interface StepFile {
  /** Size of the file as it now is. */
  bytes: number;
  /** The answer was not JSON and is kept as a string. */
  asText: boolean;
}

/**
 * Rewrites `file` (the raw answer, `bytes` long) as one JSON value. `scrub` may change a parsed
 * value (to mask secrets in it); it is applied to data small enough to parse.
 */
export async function normalizeStepFile(file: string, bytes: number, scrub: (value: unknown) => unknown = (v) => v): Promise<StepFile> {
  if (bytes === 0) {
    await writeFile(file, 'null');
    return { bytes: 4, asText: false };
  }
  if (bytes <= PARSED_STEP_DATA_BYTES) {
    const text = await readFile(file, 'utf8');
    let value: unknown;
    let asText = false;
    try {
      value = JSON.parse(text);
      // A legacy server's JSON string holding the JSON value; a plain string output stays a string.
      if (typeof value === 'string') value = parseOr(value, value);
    } catch {
      value = text;
      asText = true;
    }
    const out = JSON.stringify(scrub(value));
    if (out !== text) await writeFile(file, out);
    return { bytes: Buffer.byteLength(out), asText };
  }
  // Too large to parse whole without a memory spike: check it as a stream.
  if (await isJson(file)) {
    if ((await firstCharacter(file)) !== '"') return { bytes, asText: false };
    // A legacy server's string: decoded as before (rare at this size).
    const decoded = JSON.parse(await readFile(file, 'utf8')) as string;
    const out = JSON.stringify(parseOr(decoded, decoded));
    await writeFile(file, out);
    return { bytes: Buffer.byteLength(out), asText: false };
  }
  return { bytes: await rewriteAsString(file), asText: true };
}

function parseOr(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

async function firstCharacter(file: string): Promise<string | undefined> {
  const head = Buffer.alloc(64);
  const handle = await open(file, 'r');
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  return head.toString('utf8').trimStart()[0];
}

async function isJson(file: string): Promise<boolean> {
  const checker = new JsonChecker();
  const stream = createReadStream(file, { encoding: 'utf8' });
  for await (const chunk of stream) {
    if (!checker.push(chunk as string)) {
      stream.destroy();
      return false;
    }
  }
  return checker.end();
}

/** The file's text as one JSON string, streamed. Returns the new size. */
async function rewriteAsString(file: string): Promise<number> {
  const temporary = `${file}.text`;
  const out = createWriteStream(temporary);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('"');
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) await write(JSON.stringify(chunk as string).slice(1, -1));
  await write('"');
  out.end();
  await once(out, 'finish');
  await rename(temporary, file);
  return bytes;
}
