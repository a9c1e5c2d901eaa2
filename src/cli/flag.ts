import { SECRET_SETTINGS } from '../settings/defaults.js';

/** One flag of the command: an input of action.yml, read from `--name` or the environment. */
export interface Flag {
  name: string;
  /** QFLOW_ and the name in capitals: the way to pass a secret. */
  variable: string;
  default: string;
  description: string;
  /** A token, password or client secret: a flag would show it in the process list. */
  secret: boolean;
}

/** Inputs that only make sense on GitHub: the command has no flag for them. */
export const GITHUB_ONLY = ['comment-on-pr', 'github-token'];
/** Inputs that hold a secret (settings/defaults.ts): the command reads them from the environment, and warns when given as a flag. */
export const SECRET_INPUTS: readonly string[] = SECRET_SETTINGS.filter((name) => !GITHUB_ONLY.includes(name));

/** The environment variable for an input or output: QFLOW_ and the name in capitals. */
export function variableOf(name: string): string {
  return `QFLOW_${name.toUpperCase().replace(/-/g, '_')}`;
}
