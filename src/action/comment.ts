/**
 * The pull-request comment (`comment-on-pr`): the job summary, posted on the pull request whose event
 * ran the job, as one comment per workflow, job and QFlow workflow that later runs update instead of
 * adding new ones. `@actions/github` is loaded only here, only when a comment is asked for, so it costs
 * nothing at start-up otherwise. A comment that cannot be made is a warning, never a failed step.
 */
import { readFile } from 'node:fs/promises';
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

/** The hidden line that marks this job's comment, so a later run finds and updates it. */
export function commentMarker(env: NodeJS.ProcessEnv, workflowId: string): string {
  return `<!-- qflow-run-action: ${env.GITHUB_WORKFLOW ?? ''} / ${env.GITHUB_JOB ?? ''} / ${workflowId} -->`;
}

/** Creates the comment, or updates the one a previous run of the same job made. */
export async function commentOnPullRequest(token: string, pr: PullRequest, marker: string, body: string, log: Log): Promise<void> {
  const text = `${marker}\n${body}`;
  try {
    const { getOctokit } = await import(/* webpackMode: "eager" */ '@actions/github');
    const octokit = getOctokit(token);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: pr.owner,
      repo: pr.repo,
      issue_number: pr.number,
      per_page: 100,
    });
    const previous = comments.find((comment) => comment.body?.startsWith(marker));
    if (previous) {
      await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: previous.id, body: text });
      log.info(`Updated the QFlow comment on pull request #${pr.number}.`);
    } else {
      await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body: text });
      log.info(`Commented on pull request #${pr.number}.`);
    }
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const why = typeof status === 'number' ? `GitHub answered HTTP ${status}` : error instanceof Error ? error.message : String(error);
    log.warning(
      `Could not comment on pull request #${pr.number} (${why}). The job's token needs the 'pull-requests: write' permission (add it under 'permissions:'); a pull request from a fork gets a read-only token.`,
    );
  }
}
