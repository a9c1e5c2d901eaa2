import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A loopback server that answers the n-th request with the n-th reply (the last one repeats). */
export async function scriptedServer(replies: Reply[]) {
  const requests: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      replies[Math.min(requests.length - 1, replies.length - 1)](req, res, body);
    });
  });
  // Longer than the client's idle limit, so any new connection is the client's choice.
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

/** Reads the request, then drops the connection without an answer. */
export const drop: Reply = (req) => req.socket.destroy();

export const after =
  (ms: number, reply: Reply): Reply =>
  (req, res, body) =>
    void setTimeout(() => reply(req, res, body), ms);
