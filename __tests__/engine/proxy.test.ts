/**
 * Behind a proxy: the command reaches the gateway through a CONNECT tunnel when HTTPS_PROXY (or
 * HTTP_PROXY for an http gateway) says so, goes direct for the hosts NO_PROXY names, and never
 * shows the proxy's password. The proxy here is a small CONNECT proxy on loopback.
 */
import { describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { bypasses } from '../../src/qflow/proxy.js';
import type { QFlowSimulator, SimWorkflow } from '../../src/simulator/server.js';
import { CLIENT, withSimulator } from '../support/e2e.js';

/** A CONNECT proxy on loopback that records each tunnel asked for, refusing all with `refuse`. */
async function withProxy<T>(body: (url: string, tunnels: { target: string; auth?: string }[]) => Promise<T>, refuse?: number): Promise<T> {
  const tunnels: { target: string; auth?: string }[] = [];
  const server = http.createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push({ target: request.url ?? '', auth: request.headers['proxy-authorization'] });
    if (refuse) {
      client.end(`HTTP/1.1 ${refuse} No\r\n\r\n`);
      return;
    }
    const [host, port] = (request.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, tunnels);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function qflowRun(sim: QFlowSimulator, workflow: SimWorkflow, env: Record<string, string>) {
  let stderr = '';
  const sink = new PassThrough();
  sink.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await main(
    [],
    {
      QFLOW_GATEWAY_URL: sim.url,
      QFLOW_WORKFLOW_ID: workflow.id,
      QFLOW_CLIENT_ID: CLIENT.id,
      QFLOW_CLIENT_SECRET: CLIENT.secret,
      QFLOW_POLL_INTERVAL: '200ms',
      QFLOW_MAX_POLL_INTERVAL: '500ms',
      QFLOW_REQUEST_TIMEOUT: '5s',
      ...env,
    },
    { stdout: new PassThrough(), stderr: sink },
    new EventEmitter(),
  );
  return { code, stderr };
}

describe('behind a proxy', () => {
  it('reaches the gateway through a CONNECT tunnel, with the credentials of the proxy URL', () =>
    withSimulator({}, (sim, workflow) =>
      withProxy(async (proxy, tunnels) => {
        const { code } = await qflowRun(sim, workflow, { HTTP_PROXY: proxy.replace('//', '//build:s3cret-proxy@') });
        expect(code).toBe(0);
        const gateway = new URL(sim.url).host;
        expect(tunnels.length).toBeGreaterThan(0);
        expect(tunnels.every((t) => t.target === gateway && t.auth === `Basic ${Buffer.from('build:s3cret-proxy').toString('base64')}`)).toBe(true);
      }),
    ));

  it('goes direct to a host that NO_PROXY names', () =>
    withSimulator({}, (sim, workflow) =>
      withProxy(async (proxy, tunnels) => {
        const { code } = await qflowRun(sim, workflow, { http_proxy: proxy, no_proxy: 'example.com, 127.0.0.1' });
        expect(code).toBe(0);
        expect(tunnels).toEqual([]);
      }),
    ));

  it("names the proxy's refusal, never its password", () =>
    withSimulator({}, (sim, workflow) =>
      withProxy(async (proxy) => {
        const { code, stderr } = await qflowRun(sim, workflow, { HTTP_PROXY: proxy.replace('//', '//build:s3cret-proxy@') });
        expect(code).toBe(4);
        expect(stderr).toMatch(/the proxy 127\.0\.0\.1:\d+ \(HTTP_PROXY\) refused to open a tunnel to 127\.0\.0\.1:\d+ \(HTTP 407\)/);
        expect(stderr).not.toContain('s3cret-proxy');
      }, 407),
    ));
});

describe('a proxy it cannot reach', () => {
  it('is named, never the gateway, and never with its password', () =>
    withSimulator({}, async (sim, workflow) => {
      const closed = await new Promise<number>((resolve) => {
        const probe = net.createServer().listen(0, '127.0.0.1', () => {
          const { port } = probe.address() as AddressInfo;
          probe.close(() => resolve(port));
        });
      });
      const { code, stderr } = await qflowRun(sim, workflow, { HTTP_PROXY: `http://build:s3cret-proxy@127.0.0.1:${closed}` });
      expect(code).toBe(4);
      expect(stderr).toContain(`the proxy 127.0.0.1:${closed} (HTTP_PROXY) could not be reached (ECONNREFUSED)`);
      expect(stderr).not.toContain(`connection to ${new URL(sim.url).host} was refused`);
      expect(stderr).not.toContain('s3cret-proxy');
    }));
});

describe('NO_PROXY', () => {
  it.each([
    ['*', 'https://gateway.qg1.apps.qualys.com', true],
    ['qualys.com', 'https://gateway.qg1.apps.qualys.com', true],
    ['.qualys.com', 'https://gateway.qg1.apps.qualys.com', true],
    ['*.qualys.com', 'https://gateway.qg1.apps.qualys.com', true],
    ['gateway.qg1.apps.qualys.com:443', 'https://gateway.qg1.apps.qualys.com', true],
    ['gateway.qg1.apps.qualys.com:8443', 'https://gateway.qg1.apps.qualys.com', false],
    ['notqualys.com', 'https://gateway.qualys.com', false],
    ['', 'https://gateway.qualys.com', false],
  ])('%j for %s: direct %s', (noProxy, url, direct) => {
    expect(bypasses(noProxy, new URL(url))).toBe(direct);
  });
});

describe("the command's bundle", () => {
  it("holds no GitHub runner toolkit: neither @actions/core nor the action's HTTP client, in any of its files", async () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cli');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
    expect(files).toEqual(['index.js']);
    const bundle = await readFile(path.join(dir, 'index.js'), 'utf8');
    expect(bundle).not.toMatch(/@actions\/(core|http-client)|HttpClientError/);
  });
});
