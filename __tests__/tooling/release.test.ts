import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { planRelease, releaseNotes } from '../../src/release/release.js';

/** A repository with a CHANGELOG, a release commit and its tag. */
async function repository(tag: string): Promise<{ dir: string; commit: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-release-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q');
  await writeFile(path.join(dir, 'CHANGELOG.md'), await readFile(new URL('../../CHANGELOG.md', import.meta.url), 'utf8'));
  git('add', '.');
  git('-c', 'user.name=Release', '-c', 'user.email=release@example.com', 'commit', '-qm', 'Release');
  git('tag', tag);
  return { dir, commit: git('rev-parse', 'HEAD') };
}

describe('the release', () => {
  it('moves the major tag to the released commit, with the notes from CHANGELOG.md (dry run)', async () => {
    const { dir, commit } = await repository('v1.1.0');
    const plan = await planRelease(dir, 'v1.1.0');
    expect(plan.majorTag).toBe('v1');
    expect(plan.notes).toContain('`matrix`, `max-parallel` and `fail-fast`');
    expect(plan.notes).not.toContain('1.0.0');
    expect(plan.commands).toEqual([
      ['gh', 'release', 'create', 'v1.1.0', '--title', 'v1.1.0', '--notes-file', 'release-notes.md', '--verify-tag'],
      ['git', 'tag', '--force', 'v1', commit],
      ['git', 'push', '--force', 'origin', 'refs/tags/v1'],
    ]);
    const printed = execFileSync(path.resolve('node_modules/.bin/tsx'), [path.resolve('src/release/release.ts'), 'v1.1.0', '--dry-run'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(printed).toContain(`[dry run] git tag --force v1 ${commit}`);
  });

  it('refuses a tag that is not a version, and a version the CHANGELOG does not describe', async () => {
    const { dir } = await repository('v9.9.9');
    await expect(planRelease(dir, 'latest')).rejects.toThrow("Tag 'latest' is not a release tag. Expected v<major>.<minor>.<patch>");
    await expect(planRelease(dir, 'v9.9.9')).rejects.toThrow('CHANGELOG.md has no section for 9.9.9');
  });

  it('takes a section up to the next heading', () => {
    expect(releaseNotes('## [2.0.0] - x\n### Changed\n- a\n## [1.0.0]\n- b\n', '2.0.0')).toBe('### Changed\n- a');
  });
});
