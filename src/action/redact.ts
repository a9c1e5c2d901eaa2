/**
 * Step outputs can hold credentials (a step that reads a vault, an API key passed along). Values
 * under keys that name a secret are found here so the runner masks them wherever they would print.
 */
const SECRET_KEY = /pass(word|wd|phrase)?$|secret|token|credential|private_?key|api_?key|authorization|^auth$|^jwt$/i;
/** Shorter values are left alone: masking "abc" would blank it out of every log line. */
const MIN_SECRET_LENGTH = 4;

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
