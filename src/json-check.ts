/**
 * The one JSON checker: whether a text is exactly one JSON value, where it stops being one, and which
 * key an object gives twice. It streams, so step data of tens of megabytes is checked without being
 * parsed (step-data.ts), and it places a typo in a setting (settings/parse.ts).
 */

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
 * containers: a 50 MB output is checked without being parsed. Says where the text stops being JSON,
 * and, asked to (`keys`), the first key given twice in one object, which JSON.parse lets pass (the
 * last one winning without a word).
 */
export class JsonChecker {
  private readonly stack: ('{' | '[')[] = [];
  private state: State = 'value';
  private stringIsKey = false;
  private token = '';
  private hexLeft = 0;
  private bad = false;
  /** Characters fed before the current piece. */
  private fed = 0;
  /** The keys of each open object, when asked for, and the key being read with where it began. */
  private readonly keys: Set<string>[] = [];
  private keyText = '';
  private keyAt = 0;
  /** Where the text stopped being JSON: the offending character, or the end of a text cut short. */
  errorOffset?: number;
  /** The first key given twice in one object, and where its second copy begins. */
  duplicate?: { key: string; offset: number };

  constructor(private readonly options: { keys?: boolean } = {}) {}

  /** Feeds the next piece; false once the text can no longer be JSON. */
  push(text: string): boolean {
    for (let i = 0; i < text.length && !this.bad; i++) {
      if (this.state === 'string') {
        // Skip plain content in one go: most of a large output is inside strings.
        STRING_STOP.lastIndex = i;
        const stop = STRING_STOP.exec(text);
        if (this.readingKey) this.keyText += text.slice(i, stop ? stop.index : text.length);
        if (!stop) break;
        i = stop.index;
      }
      const c = text[i];
      if (this.readingKey && !(this.state === 'string' && c === '"')) this.keyText += c;
      else if (this.options.keys && (this.state === 'key-or-end' || this.state === 'key') && c === '"') this.keyAt = this.fed + i;
      if (!this.step(c)) {
        this.bad = true;
        this.errorOffset = this.fed + i;
      }
    }
    this.fed += text.length;
    return !this.bad;
  }

  /** True when everything fed is exactly one JSON value. */
  end(): boolean {
    if (this.bad) return false;
    const complete = (this.state !== 'number' || this.endNumber()) && this.state === 'after' && this.stack.length === 0;
    if (!complete) this.errorOffset ??= this.fed;
    return complete;
  }

  /** A key's characters are being read (only when keys are asked for). */
  private get readingKey(): boolean {
    return this.options.keys === true && this.stringIsKey && (this.state === 'string' || this.state === 'escape' || this.state === 'unicode');
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
      if (c === '{' && this.options.keys) this.keys.push(new Set());
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
    if (this.stringIsKey && this.options.keys) {
      const key = JSON.parse(`"${this.keyText}"`) as string;
      const seen = this.keys[this.keys.length - 1];
      if (seen.has(key)) this.duplicate ??= { key, offset: this.keyAt };
      seen.add(key);
      this.keyText = '';
    }
    return true;
  }

  private endNumber(): boolean {
    this.state = 'after';
    return NUMBER.test(this.token);
  }

  private close(open: '{' | '['): boolean {
    if (this.stack.pop() !== open) return false;
    if (open === '{' && this.options.keys) this.keys.pop();
    this.state = 'after';
    return true;
  }
}
