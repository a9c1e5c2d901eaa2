/**
 * What a failed call says to the person reading the log: the HTTP status with a hint of what it
 * means for QFlow, the server's own words (an excerpt, without anything like a JWT), or the network
 * failure in plain words.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { QFlowApiError } from '../errors.js';
import { Input, type SettingNames } from '../names.js';
import { plainText } from './forms.js';
import { JWT } from '../redact.js';
import type { ApiRequest } from './http.js';
import { RETRYABLE_STATUSES } from './retry.js';

const EXCERPT_CHARS = 300;

const GENERAL_HINTS: Partial<Record<number, string>> = {
  403: "The Qualys user lacks a permission QFlow needs: the role needs 'API Access', an OAuth client needs 'Qualys Flow Access', and the user needs EXECUTE on the workflow to run it and READ or LIST to follow its executions.",
};

/**
 * The error for an answer that ends the call: `rejectedHint` says what a 401 means for the
 * credentials in use, `heldBack` that the gateway held the call back (worth a later look).
 */
export function httpError(
  request: ApiRequest,
  answer: { status: number; headers: IncomingHttpHeaders; body: string },
  rejectedHint: string,
  heldBack: boolean,
): QFlowApiError {
  const { status, body } = answer;
  const hint =
    request.hints?.[status] ??
    (status === 401 && request.endpoint !== undefined ? rejectedHint : undefined) ??
    GENERAL_HINTS[status] ??
    (status === 400 ? 'QFlow rejected the request as malformed.' : '');
  const said = serverMessage(body);
  const shown = said ? `QFlow says: ${said}` : body.trim() !== '' ? `Its answer began: ${excerpt(body)}` : '';
  return new QFlowApiError(
    [`Could not ${request.purpose}: QFlow answered HTTP ${status}.`, hint, shown].filter(Boolean).join(' '),
    status,
    heldBack || RETRYABLE_STATUSES.has(status),
  );
}

export function describeNetworkError(error: Error, url: URL, names: SettingNames): string {
  const code = (error as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    ECONNREFUSED: `the connection to ${url.host} was refused`,
    ECONNRESET: 'the connection was reset',
    ENOTFOUND: `the gateway host name ${url.hostname} could not be resolved (check ${names.of(Input.GatewayUrl)} or ${names.of(Input.Platform)})`,
    EAI_AGAIN: `the gateway host name ${url.hostname} could not be resolved (temporary DNS failure)`,
    EPIPE: 'the connection was closed while sending',
  };
  if (code === 'ETIMEDOUT' || code === 'ETOOLARGE') return error.message;
  if (code && known[code]) return `${known[code]} (${code})`;
  return code ? `${error.message} (${code})` : error.message;
}

/** The server's own words from an error body: `message`, `errors[0].message` or `error`. */
function serverMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const errors = parsed.errors;
    const candidates = [
      parsed.message,
      Array.isArray(errors) ? ((errors[0] as Record<string, unknown> | undefined)?.message ?? errors[0]) : undefined,
      parsed.error,
      parsed.errorMessage,
    ];
    const found = candidates.find((c) => typeof c === 'string' && c.trim() !== '') as string | undefined;
    return found === undefined ? undefined : excerpt(found);
  } catch {
    return undefined;
  }
}

/**
 * At most a few hundred characters of a server's answer, on one line, without control characters,
 * anything like a JWT removed. (Every sink also scrubs it: see redact.ts.)
 */
export function excerpt(text: string): string {
  return plainText(text.replace(/\s+/g, ' ').replace(JWT, '[redacted JWT]'), EXCERPT_CHARS + 3);
}
