import { describe, expect, it } from '@jest/globals';
import { Redactor } from '../../src/redact.js';

describe('Redactor', () => {
  it('masks a registered secret as it is and as JSON, a URL or a form encodes it', () => {
    const redactor = new Redactor();
    redactor.add('s3cr"et/+&=x');
    const shown = redactor.text(`raw s3cr"et/+&=x json "s3cr\\"et/+&=x" url s3cr%22et%2F%2B%26%3Dx form s3cr%22et%2F%2B%26%3Dx`);
    expect(shown).not.toMatch(/s3cr/);
  });

  it('masks secret-looking text it was never told of: a JWT, a bearer token, secret-named fields of an echoed request', () => {
    const shown = new Redactor().text(
      'Authorization: Bearer abc.def clientsecret: hunter22 {"password":"pw-123456","client_secret":"cs-9"} api_key=k-77&x=1 eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
    );
    expect(shown).not.toMatch(/abc\.def|hunter22|pw-123456|cs-9|k-77|eyJhbGci/);
    expect(shown).toContain('&x=1');
  });

  it('masks the secret after a secret-named key, not the word after one in a sentence', () => {
    const redactor = new Redactor();
    expect(redactor.text('Could not log in with the username and password: answered HTTP 401.')).toBe(
      'Could not log in with the username and password: answered HTTP 401.',
    );
    expect(redactor.text('echo: password: hunter22 and\npassword: plainword\n  client_secret: x')).toBe(
      'echo: password: *** and\npassword: ***\n  client_secret: ***',
    );
    expect(redactor.text(`echo password: 'Other99' clientSecret: "Other99" then: password: expired.`)).toBe(
      `echo password: '***' clientSecret: "***" then: password: expired.`,
    );
  });

  it("leaves messages about the 'token' input and the login form's token=true alone", () => {
    const text = "The 'token' input is invalid; username=alice&password=***&token=true";
    expect(new Redactor().text(text)).toBe(text);
  });

  it('scrubs every string of a value and keeps its shape', () => {
    const redactor = new Redactor();
    redactor.add('12345678');
    expect(redactor.value({ a: ['x 12345678 y', 12345678], 'key-12345678': { ok: true } })).toEqual({
      a: ['x *** y', 12345678],
      'key-***': { ok: true },
    });
  });
});
