import { describe, expect, it } from '@jest/globals';
import { describeNetworkError, excerpt, httpError } from '../../src/qflow/http-wording.js';
import { INPUT_NAMES, type SettingNames } from '../../src/names.js';
import type { ApiRequest } from '../../src/qflow/http.js';

const LIST: ApiRequest = {
  method: 'GET',
  path: '/qflowapi/v1/workflows/w/executions',
  purpose: 'list the executions of workflow w',
  endpoint: 'executions',
};
const LOGIN: ApiRequest = { method: 'POST', path: '/auth', purpose: 'log in to Qualys' };
const answer = (status: number, body = '') => ({ status, headers: {}, body });
const JWT_TEXT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXBhcnQ';

describe('httpError', () => {
  it("says what failed, the status, what it means for QFlow and the server's own words", () => {
    const error = httpError(LIST, answer(403, '{"message": "Access denied for workflow"}'), 'unused', false);
    expect(error.message).toBe(
      "Could not list the executions of workflow w: QFlow answered HTTP 403. The Qualys user lacks a permission QFlow needs: the role needs 'API Access', an OAuth client needs 'Qualys Flow Access', and the user needs EXECUTE on the workflow to run it and READ or LIST to follow its executions. QFlow says: Access denied for workflow",
    );
    expect(error.status).toBe(403);
    expect(error.transient).toBe(false);
  });

  it("finds the server's words under each documented and common key", () => {
    expect(httpError(LIST, answer(400, '{"errors": [{"message": "pageSize too large"}]}'), '', false).message).toContain(
      'QFlow says: pageSize too large',
    );
    expect(httpError(LIST, answer(400, '{"errors": ["bad order"]}'), '', false).message).toContain('QFlow says: bad order');
    expect(httpError(LIST, answer(400, '{"error": "invalid_request"}'), '', false).message).toContain('QFlow says: invalid_request');
    expect(httpError(LIST, answer(400, '{"errorMessage": "no such field"}'), '', false).message).toContain('QFlow says: no such field');
  });

  it('quotes the start of an answer that is not JSON, on one line, without a token in it', () => {
    const message = httpError(LIST, answer(502, `<html>\n<body>Bad gateway ${JWT_TEXT}</body>\n</html>`), '', false).message;
    expect(message).toContain('Its answer began: <html> <body>Bad gateway [redacted JWT]</body> </html>');
    expect(message).not.toContain('eyJ');
  });

  it("uses the credentials' hint for a 401 on a QFlow call, and a request's own hint over the general one", () => {
    expect(httpError(LIST, answer(401), 'The token was refused.', false).message).toContain('The token was refused.');
    expect(httpError(LOGIN, answer(401), 'The token was refused.', false).message).not.toContain('The token was refused.');
    expect(httpError({ ...LIST, hints: { 404: 'Check workflow-id.' } }, answer(404), '', false).message).toContain('Check workflow-id.');
  });

  it('marks a gateway error, or a call the gateway held back, as worth another try later', () => {
    expect(httpError(LIST, answer(503), '', false).transient).toBe(true);
    expect(httpError(LIST, answer(429), '', true).transient).toBe(true);
    expect(httpError(LIST, answer(404), '', false).transient).toBe(false);
  });
});

describe('excerpt', () => {
  it('keeps a few hundred characters and removes control characters', () => {
    const text = excerpt(`a\u0007b ${'x'.repeat(1000)}`);
    expect(text.length).toBeLessThanOrEqual(303);
    expect(text.includes('\u0007')).toBe(false);
  });
});

describe('describeNetworkError', () => {
  const url = new URL('https://gateway.qg2.apps.qualys.com/qflowapi');
  const failure = (code: string, message = `failed ${code}`) => Object.assign(new Error(message), { code });
  const command: SettingNames = { ...INPUT_NAMES, of: (name) => `--${name}` };

  it('says a host name that does not resolve points at the gateway settings, in the front-end’s words', () => {
    expect(describeNetworkError(failure('ENOTFOUND'), url, INPUT_NAMES)).toBe(
      "the gateway host name gateway.qg2.apps.qualys.com could not be resolved (check 'gateway-url' or 'platform') (ENOTFOUND)",
    );
    expect(describeNetworkError(failure('ENOTFOUND'), url, command)).toContain('(check --gateway-url or --platform)');
  });

  it('words the common failures plainly and keeps others as the system said them', () => {
    expect(describeNetworkError(failure('ECONNREFUSED'), url, INPUT_NAMES)).toBe(
      'the connection to gateway.qg2.apps.qualys.com was refused (ECONNREFUSED)',
    );
    expect(describeNetworkError(failure('ETIMEDOUT', 'no answer within 30s'), url, INPUT_NAMES)).toBe('no answer within 30s');
    expect(describeNetworkError(failure('EHOSTUNREACH', 'host unreachable'), url, INPUT_NAMES)).toBe('host unreachable (EHOSTUNREACH)');
    expect(describeNetworkError(new Error('socket hang up'), url, INPUT_NAMES)).toBe('socket hang up');
  });
});
