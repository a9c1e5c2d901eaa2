import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedToken, LoginToken, jwtExpiry, readJwt } from '../../src/qflow/auth.js';
import { ApiHttp } from '../../src/qflow/http.js';
import { FakeClock, memoryLog } from '../support/fake-clock.js';
import { ApiBudget } from '../../src/qflow/budget.js';
import { INPUT_NAMES } from '../../src/names.js';

const GATEWAY = 'https://gateway.qg2.apps.qualys.com';
beforeAll(() => nock.disableNetConnect());
// Each test file loads its own nock; unpatch http so the next file's nock is the only one.
afterAll(() => nock.restore());
afterEach(() => nock.cleanAll());

function jwt(expSec?: number): string {
  const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'HS256' })}.${part(expSec === undefined ? { sub: 'u' } : { sub: 'u', exp: expSec })}.sig`;
}

function setup(credentials: ConstructorParameters<typeof LoginToken>[0]) {
  const clock = new FakeClock();
  const log = memoryLog();
  const secrets: string[] = [];
  let tokens!: LoginToken;
  new ApiHttp({
    baseUrl: GATEWAY,
    names: INPUT_NAMES,
    requestTimeoutMs: 1000,
    signal: new AbortController().signal,
    log,
    clock,
    budget: new ApiBudget(clock),
    tokens: (login) => (tokens = new LoginToken(credentials, login, clock, (s) => secrets.push(s), log, INPUT_NAMES)),
  });
  return { clock, tokens, secrets, log };
}

describe('LoginToken', () => {
  it('logs in with username and password as a form and registers the JWT as a secret', async () => {
    const token = jwt();
    const scope = nock(GATEWAY, { reqheaders: { 'content-type': 'application/x-www-form-urlencoded' } })
      .post('/auth', 'username=alice&password=p%26ss&token=true')
      .reply(201, token);
    const { tokens, secrets } = setup({ kind: 'password', username: 'alice', password: 'p&ss' });
    await expect(tokens.get()).resolves.toBe(token);
    scope.done();
    expect(secrets).toEqual([token]);
  });

  it('logs in with an OAuth client through the clientId and clientSecret headers', async () => {
    const token = jwt();
    const scope = nock(GATEWAY, { reqheaders: { clientid: 'cid', clientsecret: 'csecret' } })
      .post('/auth/oidc')
      .reply(200, token);
    const { tokens } = setup({ kind: 'oauth-client', clientId: 'cid', clientSecret: 'csecret' });
    await expect(tokens.get()).resolves.toBe(token);
    scope.done();
  });

  it('reuses the token until five minutes before its exp claim, then logs in again', async () => {
    const { tokens, clock } = setup({ kind: 'oauth-client', clientId: 'c', clientSecret: 's' });
    const first = jwt(Math.floor(clock.now() / 1000) + 3600);
    const second = jwt(Math.floor(clock.now() / 1000) + 7200);
    nock(GATEWAY).post('/auth/oidc').reply(200, first);
    nock(GATEWAY).post('/auth/oidc').reply(200, second);
    await expect(tokens.get()).resolves.toBe(first);
    clock.time += 54 * 60_000;
    await expect(tokens.get()).resolves.toBe(first);
    clock.time += 2 * 60_000;
    await expect(tokens.get()).resolves.toBe(second);
  });

  it('assumes four hours when the JWT has no exp claim', async () => {
    const { tokens, clock } = setup({ kind: 'oauth-client', clientId: 'c', clientSecret: 's' });
    nock(GATEWAY).post('/auth/oidc').twice().reply(200, jwt());
    const first = await tokens.get();
    clock.time += 3 * 3600_000 + 50 * 60_000;
    expect(await tokens.get()).toBe(first);
    expect(nock.pendingMocks()).toHaveLength(1);
    clock.time += 6 * 60_000;
    await tokens.get();
    expect(nock.pendingMocks()).toHaveLength(0);
  });

  it('shares one login between concurrent calls', async () => {
    const scope = nock(GATEWAY).post('/auth/oidc').once().reply(200, jwt());
    const { tokens } = setup({ kind: 'oauth-client', clientId: 'c', clientSecret: 's' });
    const [a, b] = await Promise.all([tokens.get(), tokens.get()]);
    expect(a).toBe(b);
    scope.done();
  });

  it('logs in again after renew()', async () => {
    nock(GATEWAY).post('/auth').reply(201, 'one.two.three');
    nock(GATEWAY).post('/auth').reply(201, 'four.five.six');
    const { tokens } = setup({ kind: 'password', username: 'u', password: 'p' });
    expect(await tokens.get()).toBe('one.two.three');
    expect(tokens.renew()).toBe(true);
    expect(await tokens.get()).toBe('four.five.six');
  });

  it('says which credentials were rejected on a 401, without echoing them', async () => {
    nock(GATEWAY).post('/auth/oidc').reply(401, { message: 'bad client' });
    const { tokens } = setup({ kind: 'oauth-client', clientId: 'c', clientSecret: 'very-secret' });
    const error = (await tokens.get().catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/HTTP 401. The gateway rejected the credentials in 'client-id'\/'client-secret'.*'Qualys Flow Access'/);
    expect(error.message).not.toContain('very-secret');
  });

  it('fails clearly when the login answer holds no token', async () => {
    nock(GATEWAY).post('/auth').reply(201, '');
    const { tokens } = setup({ kind: 'password', username: 'u', password: 'p' });
    await expect(tokens.get()).rejects.toThrow("Logging in with 'username'/'password' returned HTTP 201 but no token.");
  });
});

describe('FixedToken', () => {
  it('cannot be renewed, and its 401 hint says the token is invalid or expired', async () => {
    const token = new FixedToken('abc', INPUT_NAMES);
    await expect(token.get()).resolves.toBe('abc');
    expect(token.renew()).toBe(false);
    expect(token.rejectedHint).toMatch(/Input 'token' is invalid or has expired/);
  });
});

describe('JWT helpers', () => {
  it('read the exp claim', () => {
    expect(jwtExpiry(jwt(1_800_000_000))).toBe(1_800_000_000_000);
    expect(jwtExpiry(jwt())).toBeUndefined();
    expect(jwtExpiry('not-a-jwt')).toBeUndefined();
  });
  it('read a raw or JSON-wrapped token', () => {
    expect(readJwt(' a.b.c \n')).toBe('a.b.c');
    expect(readJwt('{"access_token":"a.b.c"}')).toBe('a.b.c');
    expect(readJwt('')).toBeUndefined();
    expect(readJwt('<html> error </html>')).toBeUndefined();
  });
});
