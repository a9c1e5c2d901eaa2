/**
 * The command as users install it outside GitHub: packed as qflow-run-<version>.tgz, installed into an
 * empty folder with no network and an empty npm cache, and run against the simulator.
 */
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CLIENT, withSimulator } from '../support/e2e.js';
import { packCommand } from '../../src/release/pack-command.js';

const run = promisify(execFile);

describe('the packed command', () => {
  it('installs from its tarball with nothing to fetch, and runs a workflow', () =>
    withSimulator({}, async (sim, workflow) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-pack-'));
      try {
        const { tarball, sha256 } = await packCommand(path.join(dir, 'out'));
        const { version } = JSON.parse(await readFile(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
        expect(path.basename(tarball)).toBe(`qflow-run-${version}.tgz`);
        expect(await readFile(`${tarball}.sha256`, 'utf8')).toBe(`${sha256}  qflow-run-${version}.tgz\n`);
        expect(
          createHash('sha256')
            .update(await readFile(tarball))
            .digest('hex'),
        ).toBe(sha256);
        // The check the README gives, as written.
        await run('sha256sum', ['-c', `qflow-run-${version}.tgz.sha256`], { cwd: path.dirname(tarball) });

        // --offline with an empty cache: any package to fetch would fail the install.
        const app = path.join(dir, 'app');
        await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', path.join(dir, 'cache'), '--prefix', app, tarball], {
          env: { ...process.env, npm_config_update_notifier: 'false' },
        });
        const bin = path.join(app, 'node_modules/.bin/qflow-run');
        expect((await run(bin, ['--version'])).stdout.trim()).toBe(`qflow-run ${version}`);
        const { stderr } = await run(bin, ['--poll-interval', '200ms', '--max-poll-interval', '500ms'], {
          env: {
            ...process.env,
            QFLOW_GATEWAY_URL: sim.url,
            QFLOW_WORKFLOW_ID: workflow.id,
            QFLOW_CLIENT_ID: CLIENT.id,
            QFLOW_CLIENT_SECRET: CLIENT.secret,
            TMPDIR: dir,
          },
        });
        expect(stderr).toContain('Success');
        expect(sim.callsTo('run')).toHaveLength(1);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }));
});
