/**
 * The way to the gateway through a proxy, for both front-ends: `HTTPS_PROXY` (or `HTTP_PROXY` for an
 * http gateway), in either case, with `NO_PROXY` naming the hosts reached directly, as curl and most
 * CI tools read them. Each connection is a tunnel opened with `CONNECT`, so the proxy never sees the
 * requests, the token or the answers (TLS runs end to end inside it); credentials in the proxy URL
 * go in `Proxy-Authorization`. Node's own agents do the rest (keep-alive, socket limits).
 */
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { AgentFactory } from './http.js';

/** How long the proxy may take to open a tunnel. */
const CONNECT_TIMEOUT_MS = 30_000;

/** An agent factory when `env` names a proxy for the gateway's URL; undefined for direct connections. */
export function proxyAgentFrom(env: NodeJS.ProcessEnv): AgentFactory | undefined {
  const read = (name: string) => env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
  if (!read('https_proxy') && !read('http_proxy')) return undefined;
  return (url: URL, keepAlive: boolean) => {
    const variable = url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
    const proxy = read(variable);
    if (proxy === undefined || bypasses(read('no_proxy') ?? '', url)) return Promise.resolve(undefined);
    return Promise.resolve(tunnelAgent(new URL(proxy.includes('://') ? proxy : `http://${proxy}`), variable, url.protocol === 'https:', keepAlive));
  };
}

/** Whether `NO_PROXY` (comma-separated host names, domain suffixes, `host:port`, or `*`) names the URL's host. */
export function bypasses(noProxy: string, url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const [name, onlyPort] = entry.toLowerCase().split(/:(?=\d+$)/);
      if (onlyPort !== undefined && onlyPort !== port) return false;
      const domain = name.replace(/^\*?\./, '');
      return host === domain || host.endsWith(`.${domain}`);
    });
}

/**
 * A Node agent whose every connection is a `CONNECT` tunnel through `proxy` (named in `variable`), TLS
 * inside it for an https gateway. Its failures name the proxy, never the gateway: a dead proxy is no
 * gateway refusing connections.
 */
function tunnelAgent(proxy: URL, variable: string, secure: boolean, keepAlive: boolean): http.Agent {
  const Base = secure ? https.Agent : http.Agent;
  const agent = new Base({ keepAlive, maxSockets: 8 });
  const open = (options: http.ClientRequestArgs & tls.ConnectionOptions, done: (error: Error | null, socket?: Duplex) => void) => {
    const target = `${options.host}:${options.port}`;
    const auth = proxy.username
      ? `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`
      : undefined;
    const request = (proxy.protocol === 'https:' ? https : http).request({
      host: proxy.hostname,
      port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: target,
      headers: { host: target, ...(auth ? { 'proxy-authorization': auth } : {}) },
      timeout: CONNECT_TIMEOUT_MS,
    });
    request.once('connect', (answer, socket) => {
      if (answer.statusCode !== 200) {
        socket.destroy();
        // The proxy's refusal, never its URL: that may carry a password.
        done(new Error(`the proxy ${proxy.host} (${variable}) refused to open a tunnel to ${target} (HTTP ${answer.statusCode})`));
        return;
      }
      done(null, secure ? tls.connect({ ...options, socket, servername: options.servername ?? options.host ?? undefined }) : socket);
    });
    request.once('timeout', () =>
      request.destroy(new Error(`the proxy ${proxy.host} (${variable}) did not open a tunnel to ${target} within ${CONNECT_TIMEOUT_MS / 1000}s`)),
    );
    // Its own words, without the code that would have it read as the gateway's refusal.
    request.once('error', (error: NodeJS.ErrnoException) =>
      done(new Error(`the proxy ${proxy.host} (${variable}) could not be reached${error.code ? ` (${error.code})` : `: ${error.message}`}`)),
    );
    request.end();
  };
  // Node's agents take the socket from this callback when createConnection returns nothing.
  Object.assign(agent, { createConnection: open });
  return agent;
}
