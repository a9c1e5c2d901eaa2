import { Input, type SettingNames } from '../names.js';
import { QFlowApiError } from '../errors.js';
import type { ApiHttp, TokenSource } from './http.js';
import type { Log } from '../log.js';
import { humanDuration, type Clock } from '../time.js';

/** How the run gets its bearer JWT. */
export type Credentials =
  | { kind: 'token'; token: string }
  | { kind: 'oauth-client'; clientId: string; clientSecret: string }
  | { kind: 'password'; username: string; password: string };

/** A Qualys JWT lives 4 hours and its answer carries no expiry field (Qualys gateway docs). */
const TOKEN_LIFETIME_MS = 4 * 3600_000;
/** Renew this long before the token expires so no call is sent with a token about to lapse. */
const RENEW_MARGIN_MS = 5 * 60_000;

/** A JWT the user passed in: used as it is, and a 401 is final. */
export class FixedToken implements TokenSource {
  readonly rejectedHint: string;
  constructor(
    private readonly token: string,
    { of, subject, program }: SettingNames,
  ) {
    this.rejectedHint = `${subject(Input.Token)} is invalid or has expired (a Qualys JWT lasts 4 hours). Pass a fresh one, or give ${of(Input.ClientId)}/${of(Input.ClientSecret)} so ${program} logs in and renews the token itself.`;
  }
  get(): Promise<string> {
    return Promise.resolve(this.token);
  }
  renew(): boolean {
    return false;
  }
}

/**
 * Logs in with an OAuth client (`POST /auth/oidc`) or a username and password (`POST /auth`), and
 * logs in again before the JWT expires or after a 401.
 */
export class LoginToken implements TokenSource {
  readonly rejectedHint = 'The gateway rejected the JWT just obtained by logging in; check that the Qualys user has API Access.';
  private token?: string;
  private expiresAt = 0;
  private pending?: Promise<string>;

  constructor(
    private readonly credentials: Exclude<Credentials, { kind: 'token' }>,
    private readonly http: Pick<ApiHttp, 'send'>,
    private readonly clock: Clock,
    /** Called with each JWT before it is used, so the runner masks it. */
    private readonly registerSecret: (secret: string) => void,
    private readonly log: Log,
    private readonly names: SettingNames,
  ) {}

  get(_signal?: AbortSignal, deadline?: number): Promise<string> {
    if (this.token !== undefined && this.clock.now() < this.expiresAt - RENEW_MARGIN_MS) return Promise.resolve(this.token);
    // Concurrent calls (step outputs are fetched in parallel) share one login.
    this.pending ??= this.login(deadline).finally(() => (this.pending = undefined));
    return this.pending;
  }

  renew(): boolean {
    this.token = undefined;
    return true;
  }

  private async login(deadline: number | undefined): Promise<string> {
    const oauth = this.credentials.kind === 'oauth-client';
    const { of } = this.names;
    const who = oauth ? `${of(Input.ClientId)}/${of(Input.ClientSecret)}` : `${of(Input.Username)}/${of(Input.Password)}`;
    const response = await this.http.send({
      method: 'POST',
      path: oauth ? '/auth/oidc' : '/auth',
      purpose: oauth ? 'log in with the OAuth client' : 'log in with the username and password',
      deadline,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        ...(this.credentials.kind === 'oauth-client' ? { clientId: this.credentials.clientId, clientSecret: this.credentials.clientSecret } : {}),
      },
      body:
        this.credentials.kind === 'password'
          ? new URLSearchParams({ username: this.credentials.username, password: this.credentials.password, token: 'true' }).toString()
          : '',
      hints: {
        401: `The gateway rejected the credentials in ${who}.${oauth ? " The OAuth client must be a user-level client with the 'Qualys Flow Access' permission." : ''}`,
      },
    });
    const token = readJwt(response.body);
    if (token === undefined) {
      throw new QFlowApiError(`Logging in with ${who} returned HTTP ${response.status} but no token.`, response.status);
    }
    this.registerSecret(token);
    const expiry = jwtExpiry(token);
    this.token = token;
    this.expiresAt = expiry ?? this.clock.now() + TOKEN_LIFETIME_MS;
    this.log.debug(`Logged in; the token is valid for ${humanDuration(this.expiresAt - this.clock.now())}.`);
    return token;
  }
}

/** The login answer is the raw JWT as text; a JSON wrapper is accepted too, in case a gateway adds one. */
export function readJwt(body: string): string | undefined {
  const text = body.trim();
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const found = [parsed.token, parsed.access_token, parsed.jwt].find((v) => typeof v === 'string' && v !== '');
      return found as string | undefined;
    } catch {
      return undefined;
    }
  }
  return text === '' || /\s/.test(text) ? undefined : text;
}

/** The `exp` claim of a JWT, in epoch ms, or undefined when it has none. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export function createTokenSource(
  credentials: Credentials,
  http: Pick<ApiHttp, 'send'>,
  clock: Clock,
  registerSecret: (secret: string) => void,
  log: Log,
  names: SettingNames,
): TokenSource {
  return credentials.kind === 'token'
    ? new FixedToken(credentials.token, names)
    : new LoginToken(credentials, http, clock, registerSecret, log, names);
}
