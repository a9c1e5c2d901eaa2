/**
 * A step's input or output as downloaded, made into one JSON value in its file. With `parseJson=true`
 * the answer is the JSON value itself; servers before 1.18 ignore the parameter and send it
 * serialized as a JSON string (qflow-api.md, "Step input and output"). Step data is data: an answer
 * that is not JSON at all (a plain-text output, a proxy's page) is kept as a JSON string, so the
 * result file is always valid JSON and the run's outcome never depends on what a step wrote.
 */
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

type State = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'after' | 'string' | 'escape' | 'unicode' | 'number' | 'literal';

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const NUMBER_CHARS = /[0-9eE+\-.]/;
const HEX = /[0-9a-fA-F]/;
const SPACE = ' \t\n\r';
/** Characters that end a run of plain string content. */
// eslint-disable-next-line no-control-regex
const STRING_STOP = /["\\\u0000-\u001f]/g;

/**
 * Tells whether a text fed in pieces is one JSON value (RFC 8259), holding only a stack of open
 * containers: a 50 MB output is checked without being parsed.
 */
export class JsonChecker {
  private readonly stack: ('{' | '[')[] = [];
  private state: State = 'value';
  private stringIsKey = false;
  private token = '';
  private hexLeft = 0;
  private bad = false;

  /** Feeds the next piece; false once the text can no longer be JSON. */
  push(text: string): boolean {
    for (let i = 0; i < text.length && !this.bad; i++) {
      if (this.state === 'string') {
        // Skip plain content in one go: most of a large output is inside strings.
        STRING_STOP.lastIndex = i;
        const stop = STRING_STOP.exec(text);
        if (!stop) return true;
        i = stop.index;
      }
      if (!this.step(text[i])) this.bad = true;
    }
    return !this.bad;
  }

  /** True when everything fed is exactly one JSON value. */
  end(): boolean {
    if (this.bad) return false;
    if (this.state === 'number' && !this.endNumber()) return false;
    return this.state === 'after' && this.stack.length === 0;
  }

  private step(c: string): boolean {
    switch (this.state) {
      case 'string':
        if (c === '"') return this.endString();
        if (c === '\\') this.state = 'escape';
        return c >= ' ' || c === '\\';
      case 'escape':
        if (c === 'u') {
          this.state = 'unicode';
          this.hexLeft = 4;
          return true;
        }
        this.state = 'string';
        return '"\\/bfnrt'.includes(c);
      case 'unicode':
        if (--this.hexLeft === 0) this.state = 'string';
        return HEX.test(c);
      case 'number':
        if (NUMBER_CHARS.test(c)) {
          this.token += c;
          return this.token.length <= 1000;
        }
        return this.endNumber() && this.step(c);
      case 'literal':
        if (c !== this.token[0]) return false;
        this.token = this.token.slice(1);
        if (this.token === '') this.state = 'after';
        return true;
      default:
        return SPACE.includes(c) || this.structural(c);
    }
  }

  private structural(c: string): boolean {
    const top = this.stack[this.stack.length - 1];
    switch (this.state) {
      case 'value-or-end':
        if (c === ']') return this.close('[');
        return this.value(c);
      case 'value':
        return this.value(c);
      case 'key-or-end':
        if (c === '}') return this.close('{');
        return this.key(c);
      case 'key':
        return this.key(c);
      case 'colon':
        if (c !== ':') return false;
        this.state = 'value';
        return true;
      case 'after':
        if (c === ',' && top !== undefined) {
          this.state = top === '{' ? 'key' : 'value';
          return true;
        }
        return (c === '}' && top === '{') || (c === ']' && top === '[') ? this.close(top) : false;
      default:
        return false;
    }
  }

  private value(c: string): boolean {
    if (c === '{' || c === '[') {
      this.stack.push(c);
      this.state = c === '{' ? 'key-or-end' : 'value-or-end';
      return true;
    }
    if (c === '"') {
      this.stringIsKey = false;
      this.state = 'string';
      return true;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      this.token = c;
      this.state = 'number';
      return true;
    }
    const literal = { t: 'rue', f: 'alse', n: 'ull' }[c];
    if (literal === undefined) return false;
    this.token = literal;
    this.state = 'literal';
    return true;
  }

  private key(c: string): boolean {
    if (c !== '"') return false;
    this.stringIsKey = true;
    this.state = 'string';
    return true;
  }

  private endString(): boolean {
    this.state = this.stringIsKey ? 'colon' : 'after';
    return true;
  }

  private endNumber(): boolean {
    this.state = 'after';
    return NUMBER.test(this.token);
  }

  private close(open: '{' | '['): boolean {
    if (this.stack.pop() !== open) return false;
    this.state = 'after';
    return true;
  }
}
