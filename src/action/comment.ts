/**
 * The pull-request comment (`comment-on-pr`): the job summary, posted on the pull request whose event
 * ran the job, as one comment per workflow, job and QFlow workflow that later runs update instead of
 * adding new ones. `@actions/github` is loaded only here, only when a comment is asked for, so it costs
 * nothing at start-up otherwise. A comment that cannot be made is a warning, never a failed step.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { plainText } from '../qflow/forms.js';
import type { Log } from '../log.js';

export interface PullRequest {
  owner: string;
  repo: string;
  number: number;
}

/** The pull request of a `pull_request` or `pull_request_target` event, from the runner's environment. */
export async function pullRequestOf(env: NodeJS.ProcessEnv): Promise<PullRequest | undefined> {
  if (!['pull_request', 'pull_request_target'].includes(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH) return undefined;
  const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { number?: unknown }; number?: unknown };
  const number = event.pull_request?.number ?? event.number;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return typeof number === 'number' && owner && repo ? { owner, repo, number } : undefined;
}

/**
 * The hidden line that marks this job's comment, so a later run finds and updates it: a hash of the
 * workflow, job and QFlow workflow, so no name (one holding `-->`, say) can end the comment early.
 */
export function commentMarker(env: NodeJS.ProcessEnv, workflowId: string): string {
  const key = createHash('sha256')
    .update(JSON.stringify([env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? '', workflowId]))
    .digest('hex')
    .slice(0, 20);
  return `<!-- qflow-run-action ${key} -->`;
}

/** GitHub refuses a comment body longer than this many characters (422). */
export const MAX_COMMENT_CHARS = 65_536;
/** Who posts with the job's own token (GITHUB_TOKEN), which may not ask GitHub who it is. */
const ACTIONS_BOT = 'github-actions[bot]';

/**
 * Creates the comment, or updates the one a previous run of the same job made. Only a comment written
 * by the identity this token posts as is ever updated, whatever its body says: anyone can write the
 * marker into a comment of their own, and an edited comment would then stand under their name.
 */
export async function commentOnPullRequest(token: string, pr: PullRequest, marker: string, body: string, log: Log): Promise<void> {
  const text = fitComment(`${marker}\n${body}`);
  try {
    const { getOctokit } = await import(/* webpackMode: "eager" */ '@actions/github');
    const octokit = getOctokit(token);
    const me = await whoAmI(octokit);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: pr.owner,
      repo: pr.repo,
      issue_number: pr.number,
      per_page: 100,
    });
    const previous = comments.find((comment) => comment.user?.login === me && comment.body?.startsWith(marker));
    if (previous) {
      await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: previous.id, body: text });
      log.info(`Updated the QFlow comment on pull request #${pr.number}.`);
    } else {
      await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body: text });
      log.info(`Commented on pull request #${pr.number}.`);
    }
  } catch (error) {
    log.warning(`Could not comment on pull request #${pr.number} (${githubReason(error)}).${permissionHint(error)}`);
  }
}

/** The login the token posts as: its user for a personal token, the Actions bot for the job's own token. */
async function whoAmI(octokit: { rest: { users: { getAuthenticated(): Promise<{ data: { login: string } }> } } }): Promise<string> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    // An installation token (the job's GITHUB_TOKEN) may not read /user: it posts as the Actions bot.
    return ACTIONS_BOT;
  }
}

/** A body GitHub takes: cut, with a line that says where the rest is, when it would be too long. */
export function fitComment(text: string): string {
  if (text.length <= MAX_COMMENT_CHARS) return text;
  const note = '\n\n… The rest is in the job summary and the result file.\n';
  return text.slice(0, MAX_COMMENT_CHARS - note.length) + note;
}

/** GitHub's own words for a refusal: its status, message and the first error it lists. */
function githubReason(error: unknown): string {
  const failed = error as { status?: unknown; response?: { data?: { message?: unknown; errors?: unknown } } };
  if (typeof failed.status !== 'number') return error instanceof Error ? error.message : String(error);
  const data = failed.response?.data;
  const first = Array.isArray(data?.errors) ? (data.errors[0] as { message?: unknown } | string | undefined) : undefined;
  const detail = typeof first === 'string' ? first : typeof first?.message === 'string' ? first.message : undefined;
  const message = [typeof data?.message === 'string' ? data.message : undefined, detail].filter(Boolean).join(': ');
  return `GitHub answered HTTP ${failed.status}${message ? `: ${plainText(message, 300)}` : ''}`;
}

function permissionHint(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  if (status !== 403 && status !== 404) return '';
  return " The job's token needs the 'pull-requests: write' permission (add it under 'permissions:'); a pull request from a fork gets a read-only token.";
}
