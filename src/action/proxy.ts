/**
 * The proxy agent, for the front-ends: behind a proxy (HTTPS_PROXY and friends, honouring NO_PROXY)
 * @actions/http-client builds the tunnelling agent; it is loaded only then.
 */
import type http from 'node:http';
import type { AgentFactory } from '../qflow/http.js';

/** An agent factory when `env` names a proxy; undefined for direct connections. */
export function proxyAgentFrom(env: NodeJS.ProcessEnv, userAgent = 'qflow-run-action'): AgentFactory | undefined {
  const proxied = [env.https_proxy, env.HTTPS_PROXY, env.http_proxy, env.HTTP_PROXY].some((v) => v !== undefined && v !== '');
  if (!proxied) return undefined;
  return async (url: URL, keepAlive: boolean): Promise<http.Agent | undefined> => {
    const { HttpClient } = await import('@actions/http-client');
    return new HttpClient(userAgent, [], { keepAlive }).getAgent(url.href);
  };
}
