/**
 * The command line of `qflow-run`: the action's inputs as flags (`--workflow-id`), the command's own
 * flags for where its result goes, and the help that lists them all.
 */
import { FLAGS, VERSION } from './flags.js';
import { GITHUB_ONLY, type Flag } from './flag.js';
import { unknownFlag } from './settings-source.js';

/** The command's own flags, besides the action's inputs. */
export const OWN_FLAGS: { name: string; value?: string; description: string }[] = [
  { name: 'json', description: 'Print the result as one JSON document on stdout (the result file; step data up to 16 MiB in all).' },
  {
    name: 'dotenv',
    value: 'FILE',
    description:
      'Write QFLOW_OUT_EXECUTION_ID, QFLOW_OUT_STATUS, QFLOW_OUT_RESULT and the other one-line outputs as KEY=VALUE lines (names a later qflow-run never reads as its settings).',
  },
  { name: 'summary', value: 'FILE', description: 'Write the summary as Markdown (a merge-request note, a build artifact).' },
  {
    name: 'ci',
    value: 'azure|plain',
    description:
      "How to speak to the CI: azure for Azure Pipelines' logging commands (issues, the summary tab, output variables QFLOW_OUT_EXECUTION_ID, _STATUS, _RESULT, _OUTPUT_FILE); plain for none. Default: azure on an Azure agent (TF_BUILD), else plain.",
  },
  { name: 'help', description: 'Show this help.' },
  { name: 'version', description: 'Show the version.' },
];
/** The command line, read. */
export interface Parsed {
  values: Map<string, string>;
  json: boolean;
  dotenv?: string;
  summary?: string;
  ci?: string;
  help: boolean;
  version: boolean;
}

/** `--name value`, `--name=value`, and a bare `--name` for a true/false flag. */
export function parseArguments(argv: string[]): Parsed {
  const parsed: Parsed = { values: new Map(), json: false, help: false, version: false };
  const byName = new Map<string, Flag>(FLAGS.map((f) => [f.name, f]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new Error(`'${arg}' is not a flag. Expected flags such as --workflow-id <uuid>.`);
    const [, name, inline] = match;
    const own = OWN_FLAGS.find((f) => f.name === name);
    const flag = byName.get(name);
    if (!own && !flag) {
      if (GITHUB_ONLY.includes(name)) throw new Error(`Unknown flag --${name}. It is for the GitHub Action only.`);
      throw new Error(unknownFlag(name, [...FLAGS.map((f) => f.name), ...OWN_FLAGS.map((f) => f.name)]));
    }
    const takesValue = own ? own.value !== undefined : true;
    const boolean = flag !== undefined && (flag.default === 'true' || flag.default === 'false');
    let value = inline;
    if (value === undefined && takesValue) {
      const next = argv[i + 1];
      if (next !== undefined && !(boolean && next.startsWith('--'))) value = argv[++i];
      else if (boolean) value = 'true';
      else throw new Error(`Flag --${name} needs a value.`);
    }
    if (own) {
      if (name === 'json' || name === 'help' || name === 'version') parsed[name] = true;
      else parsed[name as 'dotenv' | 'summary' | 'ci'] = value;
    } else {
      parsed.values.set(name, value ?? '');
    }
  }
  return parsed;
}

export function help(): string {
  const width = 28;
  const row = (left: string, right: string) => `  ${left.padEnd(width)}${right}\n`;
  let text = `qflow-run ${VERSION}: run a Qualys Flow (QFlow) workflow and wait for its result.\n\n`;
  text +=
    'Usage: qflow-run --gateway-url URL --workflow-id UUID [flags]   (secrets from the environment: QFLOW_TOKEN, QFLOW_CLIENT_SECRET, QFLOW_PASSWORD)\n\n';
  text += 'Flags (each also read from the environment variable shown):\n';
  for (const flag of FLAGS) {
    const fallback = flag.default !== '' ? ` Default: ${flag.default}.` : '';
    text += row(`--${flag.name}`, `${flag.variable}${flag.secret ? ' (set it there, not as a flag)' : ''}`);
    text += `  ${' '.repeat(width)}${flag.description}${fallback}\n`;
  }
  text += '\nOutput:\n';
  for (const own of OWN_FLAGS) text += row(`--${own.name}${own.value ? ` ${own.value}` : ''}`, own.description);
  text +=
    '\nExit codes: 0 succeeded (or started, with --wait false; or checked, with --dry-run); 1 the execution did not succeed; 2 bad flags or input;\n';
  text += '3 timed out; 4 no result for another reason (API error, login, a run call whose outcome is unknown); 130 cancelled.\n';
  return text;
}
