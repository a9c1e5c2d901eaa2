/**
 * End-to-end: the pull-request comment, with the bundled action against the QFlow simulator and a
 * fake of the GitHub API on loopback.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CLIENT, runAgainst, withSimulator } from '../support/e2e.js';

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

/** Who the job's own token posts as. */
const BOT = { login: 'github-actions[bot]', type: 'Bot' };

/** The three GitHub API calls the comment makes, on one pull request (#7 of octo/app); `status` fails them all. */
async function fakeGitHub(status = 200) {
  const comments: Comment[] = [{ id: 1, body: 'LGTM', user: { login: 'octocat', type: 'User' } }];
  const requests: { method: string; url: string; authorization?: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
      const send = (code: number, payload: unknown) => {
        res.writeHead(code, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (status !== 200) return send(status, { message: 'Resource not accessible by integration' });
      const url = new URL(req.url ?? '/', 'http://github');
      // As for the job's own token: an installation may not ask who it is.
      if (req.method === 'GET' && url.pathname === '/user') return send(403, { message: 'Resource not accessible by integration' });
      const posted = req.method === 'GET' ? '' : (JSON.parse(body) as Comment).body;
      if (posted.length > 65_536) {
        return send(422, {
          message: 'Validation Failed',
          errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
        });
      }
      if (req.method === 'GET' && url.pathname === '/repos/octo/app/issues/7/comments') return send(200, comments);
      if (req.method === 'POST' && url.pathname === '/repos/octo/app/issues/7/comments') {
        const comment = { id: comments.length + 1, body: posted, user: BOT };
        comments.push(comment);
        return send(201, comment);
      }
      const edit = /^\/repos\/octo\/app\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if (req.method === 'PATCH' && edit) {
        const comment = comments.find((c) => c.id === Number(edit[1]))!;
        comment.body = posted;
        return send(200, comment);
      }
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, comments, requests };
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** The runner's environment for a job started by a pull_request event. */
async function pullRequestEnv(apiUrl: string): Promise<Record<string, string>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-event-'));
  const eventPath = path.join(dir, 'event.json');
  await writeFile(eventPath, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7 } }));
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_API_URL: apiUrl,
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'gate',
    GITHUB_RUN_ID: '42',
  };
}

describe('the pull-request comment', () => {
  it('posts the summary once, then updates that comment on a later run', () =>
    withSimulator({}, async (sim, workflow) => {
      const github = await fakeGitHub();
      const env = await pullRequestEnv(github.url);
      const inputs = { 'comment-on-pr': 'true', 'github-token': 'ghs_faketoken123456', 'step-outputs': '*' };
      const first = await runAgainst(sim, workflow, inputs, { env });
      expect(first.exitCode).toBe(0);
      expect(github.comments).toHaveLength(2);
      expect(github.comments[1].body).toContain('## ✅ QFlow workflow succeeded');
      expect(github.comments[1].body).toContain(`\`${sim.executions[0].id}\``);
      // No step data goes into a comment.
      expect(github.comments[1].body).not.toContain('StoppingInstances');
      const second = await runAgainst(sim, workflow, inputs, { env });
      expect(second.exitCode).toBe(0);
      expect(github.comments).toHaveLength(2);
      expect(github.comments[1].body).toContain(`\`${sim.executions[1].id}\``);
      expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
      expect(github.requests.every((r) => r.authorization === 'token ghs_faketoken123456')).toBe(true);
      // Registered as a secret, and printed nowhere else.
      expect(first.stdout).toContain('::add-mask::ghs_faketoken123456');
      const printed = (first.stdout + second.stdout).split('\n').filter((line) => !line.startsWith('::add-mask::'));
      expect(printed.join('\n')).not.toContain('ghs_faketoken123456');
    }));

  it('warns, naming the missing permission, and keeps the step green when GitHub refuses', () =>
    withSimulator({}, async (sim, workflow) => {
      const github = await fakeGitHub(403);
      const run = await runAgainst(
        sim,
        workflow,
        { 'comment-on-pr': 'true', 'github-token': 'ghs_readonly' },
        { env: await pullRequestEnv(github.url) },
      );
      expect(run.exitCode).toBe(0);
      expect(run.outputs.result).toBe('success');
      expect(run.stdout).toContain(
        "::warning::Could not comment on pull request #7 (GitHub answered HTTP 403: Resource not accessible by integration). The job's token needs the 'pull-requests: write' permission",
      );
    }));

  it('posts no secret from an error body that echoes the request', () =>
    withSimulator({}, async (sim, workflow) => {
      const github = await fakeGitHub();
      // A login that answers 401 with the request shown back, client ID and secret included.
      sim.addFault({ endpoint: 'oidc', times: 1, action: { echo: 401 } });
      const run = await runAgainst(
        sim,
        workflow,
        { 'comment-on-pr': 'true', 'github-token': 'ghs_faketoken123456' },
        { env: await pullRequestEnv(github.url) },
      );
      expect(run.exitCode).toBe(1);
      expect(github.comments).toHaveLength(2);
      const posted = github.comments[1].body;
      expect(posted).toContain('## ❌ The QFlow run failed');
      expect(posted).toContain('HTTP 401');
      expect(posted).not.toContain(CLIENT.secret);
      for (const sink of [posted, run.summary, run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr]) expect(sink).not.toContain(CLIENT.secret);
    }));

  it("never edits another user's comment that carries the marker, and no name can break the marker", () =>
    withSimulator({}, async (sim, workflow) => {
      const github = await fakeGitHub();
      const env = { ...(await pullRequestEnv(github.url)), GITHUB_WORKFLOW: 'CI --> <h1>Approved</h1> <!--' };
      const inputs = { 'comment-on-pr': 'true', 'github-token': 'ghs_faketoken123456' };
      await runAgainst(sim, workflow, inputs, { env });
      const ours = github.comments[1];
      const marker = ours.body.split('\n')[0];
      expect(marker).toMatch(/^<!-- qflow-run-action [0-9a-f]{20} -->$/);
      // Someone copies the marker into a comment of their own.
      github.comments.push({ id: 3, body: `${marker}\nApproved by security`, user: { login: 'mallory', type: 'User' } });
      github.comments.splice(1, 1);
      await runAgainst(sim, workflow, inputs, { env });
      expect(github.comments.find((c) => c.id === 3)!.body).toBe(`${marker}\nApproved by security`);
      expect(github.comments.filter((c) => c.user.login === 'github-actions[bot]')).toHaveLength(1);
      expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    }));

  it("posts a body within GitHub's limit for 300 failed steps, saying where the rest is, and shows gateway text as text", () =>
    withSimulator(
      {
        workflow: {
          finalStatus: 'Failed',
          steps: Array.from({ length: 300 }, (_, i) => ({
            nodeId: `node-${String(i).padStart(4, '0')}-check`,
            nodeType: 'AWS',
            status: 'Failed',
            message: `<img src="https://tracker.example/${i}.gif"> contact @acme/security-team [Approve](https://phish.example) ${'x'.repeat(400)}`,
          })),
        },
      },
      async (sim, workflow) => {
        const github = await fakeGitHub();
        const run = await runAgainst(
          sim,
          workflow,
          { 'comment-on-pr': 'true', 'github-token': 'ghs_faketoken123456' },
          { env: await pullRequestEnv(github.url) },
        );
        expect(run.exitCode).toBe(1);
        expect(github.comments).toHaveLength(2);
        const body = github.comments[1].body;
        expect(body.length).toBeLessThanOrEqual(65_536);
        expect(body).toMatch(/\d+ more steps are listed in the job summary and the result file\./);
        expect(body).not.toContain('<img');
        expect(body).not.toMatch(/@acme/);
        expect(body).toContain('@\u2060acme');
        expect(body).not.toContain('[Approve](');
        // The job summary has room for all 300.
        expect(run.summary).toContain('node-0299-check');
      },
    ));

  it("quotes GitHub's reason when it refuses a comment, without blaming the permission", () =>
    withSimulator({}, async (sim, workflow) => {
      const github = await fakeGitHub(422);
      const run = await runAgainst(
        sim,
        workflow,
        { 'comment-on-pr': 'true', 'github-token': 'ghs_faketoken123456' },
        { env: await pullRequestEnv(github.url) },
      );
      expect(run.exitCode).toBe(0);
      const warning = run.stdout.split('\n').find((l) => l.startsWith('::warning::Could not comment'));
      expect(warning).toBe('::warning::Could not comment on pull request #7 (GitHub answered HTTP 422: Resource not accessible by integration).');
    }));

  it('makes no call to GitHub when no comment is asked for', () =>
    withSimulator({}, async (sim, workflow) => {
      const github = await fakeGitHub();
      const run = await runAgainst(sim, workflow, {}, { env: await pullRequestEnv(github.url) });
      expect(run.exitCode).toBe(0);
      expect(github.requests).toHaveLength(0);
    }));
});
