/**
 * `npm run pack:command [-- folder]`: the `qflow-run` command as a package of its own, to install in a
 * second with nothing to fetch: the bundled `dist/cli` (every dependency inside), a package.json with
 * its `bin`, a README and the licences, packed as `qflow-run-<version>.tgz` beside a `.sha256` file in
 * `sha256sum` form. The release workflow attaches both to the release and publishes the tarball to npm
 * with provenance.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The command's name on npm and of its tarball. */
export const PACKAGE_NAME = 'qflow-run';

const README = `# qflow-run

Runs a Qualys Flow (QFlow) workflow through the QFlow REST API and waits for its result, from any CI:
GitLab CI, Jenkins, Azure Pipelines or a shell. One self-contained file; no dependency to fetch.

    QFLOW_CLIENT_SECRET=... qflow-run --gateway-url https://gateway.qg1.apps.qualys.com \\
      --client-id ... --workflow-id <uuid>

\`qflow-run --help\` lists every flag and its variable. The documentation, exit codes and examples for each
CI are in the repository's README.
`;

export interface Packed {
  tarball: string;
  sha256: string;
}

/** Packs the command into `outDir`; returns the tarball's path and its SHA-256. */
export async function packCommand(outDir: string): Promise<Packed> {
  const root = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const staging = await mkdtemp(path.join(os.tmpdir(), 'qflow-run-pack-'));
  try {
    await copyFile(path.join(ROOT, 'dist/cli/index.js'), path.join(staging, 'index.js'));
    await copyFile(path.join(ROOT, 'dist/cli/licenses.txt'), path.join(staging, 'licenses.txt'));
    await writeFile(path.join(staging, 'README.md'), README);
    const manifest = {
      name: PACKAGE_NAME,
      version: root.version,
      description: 'Runs a Qualys Flow (QFlow) workflow through the QFlow REST API and waits for its result, from any CI.',
      license: root.license,
      type: 'module',
      bin: { [PACKAGE_NAME]: 'index.js' },
      engines: root.engines,
      files: ['index.js', 'licenses.txt', 'README.md'],
      ...(root.repository ? { repository: root.repository } : {}),
    };
    await writeFile(path.join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await mkdir(outDir, { recursive: true });
    const { stdout } = await promisify(execFile)('npm', ['pack', '--json', '--pack-destination', path.resolve(outDir)], {
      cwd: staging,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    const [{ filename }] = JSON.parse(stdout) as { filename: string }[];
    const tarball = path.join(path.resolve(outDir), filename);
    const sha256 = createHash('sha256')
      .update(await readFile(tarball))
      .digest('hex');
    await writeFile(`${tarball}.sha256`, `${sha256}  ${filename}\n`);
    return { tarball, sha256 };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const packed = await packCommand(process.argv[2] ?? '.');
  console.log(`${packed.tarball}\nsha256 ${packed.sha256}`);
}
