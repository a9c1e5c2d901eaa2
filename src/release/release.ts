/**
 * The release steps, run by .github/workflows/release.yml on a `v*.*.*` tag, and by the tests as a
 * dry run: check the tag, take its notes from CHANGELOG.md, publish the release, and move the major
 * tag (`v1`) to the released commit so `uses: …@v1` follows it.
 *
 * Usage: tsx src/release/release.ts <tag> [--dry-run]
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ReleasePlan {
  tag: string;
  majorTag: string;
  commit: string;
  notes: string;
  /** The commands that publish the release, in order. */
  commands: string[][];
}

/** The release notes of `version` in a Keep a Changelog file: the section under `## [version]`. */
export function releaseNotes(changelog: string, version: string): string {
  const heading = new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`, 'm');
  const start = changelog.search(heading);
  if (start < 0) throw new Error(`CHANGELOG.md has no section for ${version}. Expected a heading '## [${version}] - YYYY-MM-DD'.`);
  const body = changelog.slice(changelog.indexOf('\n', start) + 1);
  const end = body.search(/^## /m);
  const notes = (end < 0 ? body : body.slice(0, end)).trim();
  if (notes === '') throw new Error(`CHANGELOG.md's section for ${version} is empty.`);
  return notes;
}

export async function planRelease(repo: string, tag: string): Promise<ReleasePlan> {
  const match = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag);
  if (!match) throw new Error(`Tag '${tag}' is not a release tag. Expected v<major>.<minor>.<patch>, such as v1.2.0.`);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  const commit = git('rev-list', '-n', '1', tag);
  const notes = releaseNotes(await readFile(path.join(repo, 'CHANGELOG.md'), 'utf8'), tag.slice(1));
  const majorTag = `v${match[1]}`;
  return {
    tag,
    majorTag,
    commit,
    notes,
    commands: [
      ['gh', 'release', 'create', tag, '--title', tag, '--notes-file', 'release-notes.md', '--verify-tag'],
      ['git', 'tag', '--force', majorTag, commit],
      ['git', 'push', '--force', 'origin', `refs/tags/${majorTag}`],
    ],
  };
}

async function main(): Promise<void> {
  const [tag, flag] = process.argv.slice(2);
  const dryRun = flag === '--dry-run';
  const plan = await planRelease(process.cwd(), tag ?? '');
  await writeFile('release-notes.md', `${plan.notes}\n`);
  console.log(`Release ${plan.tag} of ${plan.commit}; ${plan.majorTag} moves to it.\n\n${plan.notes}\n`);
  for (const command of plan.commands) {
    console.log(`${dryRun ? '[dry run] ' : ''}${command.join(' ')}`);
    if (!dryRun) execFileSync(command[0], command.slice(1), { stdio: 'inherit' });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
