/**
 * The one table of what each setting is when it is not given, and of the settings that hold secrets.
 * The settings reader takes its defaults from here; action.yml states the same defaults (a test holds
 * it to this table), and the command's flags are generated from action.yml.
 */
import { Input } from '../names.js';

export const DEFAULTS: Partial<Record<Input, string>> = {
  [Input.MaxParallel]: '4',
  [Input.FailFast]: 'false',
  [Input.AllowUnknownVariables]: 'false',
  [Input.DryRun]: 'false',
  [Input.Wait]: 'true',
  [Input.Timeout]: '1h',
  [Input.PollInterval]: '2s',
  [Input.MaxPollInterval]: '1m',
  [Input.RequestTimeout]: '30s',
  [Input.SuccessStatuses]: 'Success',
  [Input.CommentOnPr]: 'false',
  // github-token defaults to the job's own token, `${{ github.token }}`: an expression only the runner
  // can fill in, so it is action.yml's alone.
};

/** Settings that hold secrets: registered with every sink's scrub before anything is checked, never printed. */
export const SECRET_SETTINGS: readonly Input[] = [Input.Token, Input.ClientSecret, Input.Password, Input.GithubToken];
