/**
 * Secrets kept out of every sink. The runner masks what `core.setSecret` registered in the log and the
 * job summary, but not in a pull-request comment, a file or any other front-end's output; and an
 * error body that echoes the request (a login answering 401 with the client secret in its text) is
 * not registered at all. So everything this project writes for people or later steps passes through
 * one Redactor: the secrets registered with it, and text that looks like a secret whatever it is.
 *
 * Step outputs can also hold credentials (a step that reads a vault, an API key passed along). Values
 * under keys that name a secret are found here too, so the front-end can register them.
 */
const SECRET_KEY = /pass(word|wd|phrase)?$|secret|token|credential|private_?key|api_?key|authorization|^auth$|^jwt$/i;
/** Shorter values are left alone: masking "abc" would blank it out of every log line. */
const MIN_SECRET_LENGTH = 4;
export const MASK = '***';
/** Values are kept to this depth; what lies deeper is replaced by a note (see walk). */
const MAX_DEPTH = 256;

/** A JSON Web Token: three base64url parts, the first a JSON header (`eyJ` is `{"`). */
export const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;
/** `Bearer <anything>`, as an Authorization header shows it. */
const BEARER = /\b(Bearer\s+)[^\s"',;]+/gi;
/**
 * `clientSecret: x`, `"password":"x"`, `password=x`, `X-Api-Key: x`: a secret-named key and its value,
 * as an echoed request, a form body or a header dump shows them. `token` alone is left out: the login
 * form's `token=true` and messages about the 'token' input are not secrets. A key and value apart
 * (`password: x`) count where a dump puts them (quoted, or at the start of a line), or when the value
 * is no plain word: in a sentence ("the username and password: answered HTTP 401") the next word is
 * no secret.
 */
const SECRET_KEYS =
  'client[_-]?secret|password|passwd|passphrase|secret|api[_-]?key|private[_-]?key|access[_-]?token|refresh[_-]?token|id[_-]?token|authorization';
const SECRET_ASSIGNMENT = new RegExp(
  [
    // key=value, key:value, "key": "value", 'key':'value'
    `\\b((?:${SECRET_KEYS})(?:["']\\s*[:=]\\s*["']?|\\s*=\\s*["']?|:["']?))(?!\\*\\*\\*)([^\\s"'&,;}<]+)`,
    // key: value at the start of a line (a header dump, YAML)
    `(^[ \\t-]*(?:[\\w-]*[_-])?(?:${SECRET_KEYS})\\s*:\\s+["']?)(?!\\*\\*\\*)([^\\s"'&,;}<]+)`,
    // key: value within a line, when the value is no plain word (a flattened dump: "clientSecret: hunter22")
    `(\\b(?:${SECRET_KEYS})\\s*:\\s+["']?)(?!\\*\\*\\*)(?=[^\\s"'&,;}<]*[^a-z\\s"'&,;}<.!?:])([^\\s"'&,;}<]+)`,
  ].join('|'),
  'gim',
);

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.replace(/[-\s]/g, '_'));
}

/** Every string (or number) under a secret-named key, at any depth. */
export function findSecretValues(value: unknown, underSecretKey = false, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) findSecretValues(item, underSecretKey, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) findSecretValues(inner, underSecretKey || isSecretKey(key), found);
  } else if (underSecretKey && (typeof value === 'string' || typeof value === 'number')) {
    const text = String(value);
    // QFlow already masks some credentials as asterisks; those need no masking.
    if (text.length >= MIN_SECRET_LENGTH && !/^\*+$/.test(text)) found.add(text);
  }
  return found;
}

/**
 * Run variables that name a real secret. `credentials` and `connectorId` hold connector IDs, which are
 * identifiers, not secrets: shown, so two rows for two AWS accounts in one region can be told apart.
 */
const SECRET_VARIABLE = /pass(word|wd|phrase)?$|secret|token|private_?key|api_?key|authorization|^auth$|^jwt$/i;

/** Run variables with the value of every key that names a real secret replaced by `***`. */
export function maskSecrets(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, SECRET_VARIABLE.test(key.replace(/[-\s]/g, '_')) ? MASK : value]));
}

export class Redactor {
  /** Longest first, so a secret that contains another is masked whole. */
  private secrets: string[] = [];

  /** Registers a secret: it is masked, as it is and as JSON, a URL or a form would encode it. */
  add(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH) return;
    const forms = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)];
    for (const form of forms) if (!this.secrets.includes(form)) this.secrets.push(form);
    this.secrets.sort((a, b) => b.length - a.length);
  }

  /** Text (a log line, a message, the summary, a comment): registered secrets and secret-looking text masked. */
  text(text: string): string {
    return this.registered(text)
      .replace(JWT, '[redacted JWT]')
      .replace(BEARER, `$1${MASK}`)
      .replace(SECRET_ASSIGNMENT, (...groups: string[]) => `${groups[1] ?? groups[3] ?? groups[5]}${MASK}`);
  }

  /**
   * A value (an output, the result file, step data): every string in it scrubbed as text, so what a
   * workflow produced keeps its shape and stays valid JSON.
   */
  value<T>(value: T): T {
    return this.walk(value) as T;
  }

  private walk(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value);
    if ((Array.isArray(value) || (value !== null && typeof value === 'object')) && depth >= MAX_DEPTH) {
      // Deeper than any real answer: a hostile one would overflow the stack of every later step.
      return `[nested deeper than ${MAX_DEPTH} levels: left out]`;
    }
    if (Array.isArray(value)) return value.map((item) => this.walk(item, depth + 1));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [this.text(key), this.walk(inner, depth + 1)]));
    }
    return value;
  }

  private registered(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out;
  }
}
