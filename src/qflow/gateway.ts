import { InputError, quote } from '../errors.js';
import { Input, type SettingNames } from '../names.js';

/** Qualys platform keys and their API gateways (see the Qualys "Know your API server URL" page). */
export const PLATFORM_GATEWAYS: Readonly<Record<string, string>> = {
  US1: 'https://gateway.qg1.apps.qualys.com',
  US2: 'https://gateway.qg2.apps.qualys.com',
  US3: 'https://gateway.qg3.apps.qualys.com',
  US4: 'https://gateway.qg4.apps.qualys.com',
  EU1: 'https://gateway.qg1.apps.qualys.eu',
  EU2: 'https://gateway.qg2.apps.qualys.eu',
  EU3: 'https://gateway.qg3.apps.qualys.it',
  IN1: 'https://gateway.qg1.apps.qualys.in',
  CA1: 'https://gateway.qg1.apps.qualys.ca',
  AE1: 'https://gateway.qg1.apps.qualys.ae',
  UK1: 'https://gateway.qg1.apps.qualys.co.uk',
  AU1: 'https://gateway.qg1.apps.qualys.com.au',
  KSA1: 'https://gateway.qg1.apps.qualysksa.com',
};

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The gateway's base URL, without a trailing slash. `gatewayUrl` wins over `platform` so a private
 * cloud platform, which has a gateway of its own, is always reachable.
 */
export function resolveGateway(platform: string, url: string, { of, subject }: SettingNames): string {
  const platformInput = of(Input.Platform);
  const urlInput = of(Input.GatewayUrl);
  if (url !== '') return checkGatewayUrl(subject(Input.GatewayUrl), url);
  if (platform === '') {
    throw new InputError(
      `No gateway given. Set ${platformInput} to your Qualys platform (${Object.keys(PLATFORM_GATEWAYS).join(', ')}) or ${urlInput} to your API gateway URL.`,
    );
  }
  const gateway = PLATFORM_GATEWAYS[platform.toUpperCase()];
  if (!gateway) {
    throw new InputError(
      `${subject(Input.Platform)} is ${quote(platform)}, which is not a Qualys platform. Expected one of ${Object.keys(PLATFORM_GATEWAYS).join(', ')}, or set ${urlInput} for a private cloud platform.`,
    );
  }
  return gateway;
}

/**
 * A gateway URL never holds an `@`: one means a `user:password@` part (a password may even hold a `/`
 * that hides where it ends), so it is read before anything else and no error quotes the value.
 */
const USER_INFO = /@/;

function checkGatewayUrl(what: string, value: string): string {
  // Even in a value that is not a URL (a bad port, a space in the host), never echo credentials.
  if (USER_INFO.test(value)) {
    throw new InputError(
      `${what} contains credentials (a user name or password before '@'). Give the bare gateway URL, such as https://gateway.qg1.apps.qualys.com, and pass credentials through the token, client or username settings.`,
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`${what} is ${quote(value)}, which is not a URL. Expected the form https://gateway.qg1.apps.qualys.com.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError(
      `${what} contains credentials. Give the bare gateway URL and pass credentials through the token, client or username settings.`,
    );
  }
  const loopback = LOOPBACK.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(
      `${what} is ${quote(value)}, which is not secure. Expected an https:// URL (plain http:// is accepted only for a loopback host such as 127.0.0.1, for local testing).`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InputError(
      `${what} is ${quote(value)}; a gateway URL has no query or fragment. Expected the form https://gateway.qg1.apps.qualys.com.`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
