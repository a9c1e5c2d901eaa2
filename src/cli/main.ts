/**
 * `qflow-run`: the engine for every CI that is not GitHub (GitLab CI, Jenkins, Azure Pipelines) and
 * for a terminal. Flags are the action's input names (`--workflow-id`), each also read from
 * `QFLOW_<NAME>`; the log goes to stderr, one line per change; the result goes where the platform
 * wants it: JSON on stdout (`--json`), KEY=VALUE lines for a dotenv report (`--dotenv`), the summary
 * as Markdown (`--summary`); the exit code says how it ended.
 */
import os from 'node:os';
import { CancelledError, InputError, messageOf } from '../errors.js';
import type { Input } from '../names.js';
import { readSettings } from '../settings/read.js';
import type { Ending, RunReport } from '../run/report.js';
import { summaryMarkdown } from '../report/summary.js';
import { prepareOutputFile } from '../files.js';
import { publish, writeStartedDotenv } from './publish.js';
import { disposeRun, runQFlow } from '../run/engine.js';
import { proxyAgentFrom } from '../qflow/proxy.js';
import { Redactor } from '../redact.js';
import { systemClock } from '../time.js';
import { FLAGS, VERSION } from './flags.js';
import { GITHUB_ONLY, type Flag } from './flag.js';
import { misspeltVariable, outputVariable, SettingSources, unknownFlag } from './settings-source.js';
import { azureIssue, azureSummary, azureVariables, onAzure } from './azure.js';

/** How the command ended, for the CI that runs it (the README has the table). */
export const EXIT = { success: 0, failed: 1, usage: 2, timedOut: 3, noResult: 4, cancelled: 130 } as const;

/** The command's own flags, besides the action's inputs. */
const OWN_FLAGS: { name: string; value?: string; description: string }[] = [
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
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

interface Parsed {
  values: Map<string, string>;
  json: boolean;
  dotenv?: string;
  summary?: string;
  ci?: string;
  help: boolean;
  version: boolean;
}

/** Runs the command; resolves with its exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, io: Io = process, signals: NodeJS.EventEmitter = process): Promise<number> {
  const redactor = new Redactor();
  const sources = new SettingSources(env);
  const colour = io.stderr.isTTY === true && (env.NO_COLOR ?? '') === '';
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  // A reader that closes stderr or stdout early (`2>&1 | head -c 1`) is no error of the run: what is left is not written.
  let stderrOpen = true;
  io.stderr.on('error', () => (stderrOpen = false));
  const say = (text: string) => {
    if (stderrOpen) io.stderr.write(`${redactor.text(text)}\n`);
  };
  // Azure Pipelines reads logging commands from the output; with --json on stdout they go to stderr, so the JSON stays one document.
  let azure = false;
  const command = (line: string) => {
    if (!azure) return;
    if (json) say(line);
    else writeStdout(`${redactor.text(line)}\n`);
  };
  let json = false;
  // On Azure an error or a warning is its issue, which the log shows in its place: said once, not twice.
  const warn = (text: string) => {
    if (azure) command(azureIssue('warning', text));
    else say(paint('33', `warning: ${text}`));
  };
  let stdoutOpen = true;
  io.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') say(paint('33', `warning: could not write to stdout: ${error.message}`));
    stdoutOpen = false;
  });
  const writeStdout = (text: string) => {
    if (stdoutOpen) io.stdout.write(text);
  };
  const fail = (code: number, text: string) => {
    if (azure) command(azureIssue('error', text));
    else say(paint('31', `error: ${text}`));
    return code;
  };

  let parsed: Parsed;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    return fail(EXIT.usage, `${(error as Error).message} See qflow-run --help.`);
  }
  json = parsed.json;
  if (parsed.ci !== undefined && parsed.ci !== 'azure' && parsed.ci !== 'plain') {
    return fail(EXIT.usage, `Flag --ci is "${parsed.ci}". Expected azure or plain.`);
  }
  azure = parsed.ci === undefined ? onAzure(env) : parsed.ci === 'azure';
  if (parsed.help) {
    writeStdout(help());
    return EXIT.success;
  }
  if (parsed.version) {
    writeStdout(`qflow-run ${VERSION}\n`);
    return EXIT.success;
  }
  for (const flag of FLAGS.filter((f) => f.secret && parsed.values.has(f.name))) {
    warn(
      `--${flag.name} was given on the command line, where process lists and shell history show it. Set ${flag.variable} in the environment instead.`,
    );
  }
  const misspelt = misspeltVariable(env);
  if (misspelt !== undefined) return fail(EXIT.usage, misspelt);
  sources.flags = parsed.values;
  const blank = sources.blankExecutionId();
  if (blank !== undefined) return fail(EXIT.usage, blank);
  const read = (name: Input) => sources.read(name);

  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (cancel.signal.aborted) return;
    say(`Received ${signal}: stopping the wait.`);
    cancel.abort(new CancelledError());
  };
  signals.on('SIGINT', onSignal);
  signals.on('SIGTERM', onSignal);
  let report: RunReport | undefined;
  let started: Promise<void> | undefined;
  try {
    const usage = (error: unknown): never => {
      if (error instanceof InputError) throw new UsageError(error.message);
      throw error;
    };
    await sources.readFiles().catch(usage);
    const settings = await readSettings(read, (secret) => redactor.add(secret), sources.names).catch(usage);
    // Every file is checked before any call: a run that starts must be able to say how it ended.
    for (const [flag, file] of [
      ['--summary', parsed.summary],
      ['--dotenv', parsed.dotenv],
    ] as const) {
      if (file !== undefined) await prepareOutputFile(`Flag ${flag}`, file, flag === '--summary' ? 'qflow.md' : 'qflow.env').catch(usage);
    }
    let last = '';
    report = await runQFlow(settings, {
      log: {
        // One line per change: a look that saw the same status as the one before says nothing new.
        info: (message) => {
          const news = message.replace(/^\[[^\]]*\] /, '');
          if (news !== last) say(message);
          last = news;
        },
        debug: (message) => {
          if (env.QFLOW_DEBUG === '1' || env.RUNNER_DEBUG === '1') say(paint('2', message));
        },
        warning: warn,
      },
      signal: cancel.signal,
      clock: systemClock,
      tempDir: env.RUNNER_TEMP || env.TMPDIR || os.tmpdir(),
      redactor,
      registerSecret: (secret) => redactor.add(secret),
      group: async (title, body) => {
        say(paint('1', `== ${title}`));
        return body();
      },
      agent: proxyAgentFrom(env),
      onStarted: (ids) => {
        // One write after another: a matrix reports each run call as it answers.
        const file = parsed.dotenv;
        if (file !== undefined) started = (started ?? Promise.resolve()).then(() => writeStartedDotenv(file, ids).catch(() => undefined));
      },
    });
    await started;
    const summary = () => redactor.text(summaryMarkdown(report!));
    const published = await publish(report, parsed, summary, writeStdout, redactor);
    for (const warning of published.warnings) warn(warning);
    if (azure) {
      for (const line of azureVariables(published.values, outputVariable)) command(line);
      command(await azureSummary(summary(), parsed.summary, env, env.RUNNER_TEMP || env.TMPDIR || os.tmpdir()));
    }
    // The summary points here for a result file the user did not place (it is in the temp folder).
    if (report.outputFile !== undefined && !report.outputFileChosen) {
      say(`Result file: ${report.outputFile} (in the temp folder; --output-file puts it where the job's artifacts can pick it up).`);
    }
    const code = EXIT_CODES[report.ending];
    if (code !== EXIT.success) {
      const message = redactor.text(report.message ?? `The QFlow run ended as ${report.result}.`);
      // A mistake or an error of the run is an error; an execution that failed or timed out is its outcome.
      // On Azure each is an issue of the step (a timeout too: the step fails, so a gate holds).
      if (azure) command(azureIssue(code === EXIT.cancelled ? 'warning' : 'error', message));
      else say(paint(code === EXIT.cancelled ? '33' : '31', code === EXIT.usage || code === EXIT.noResult ? `error: ${message}` : message));
    }
    return code;
  } catch (error) {
    const message = error instanceof UsageError ? error.message : messageOf(error);
    return fail(error instanceof UsageError ? EXIT.usage : EXIT.noResult, message);
  } finally {
    if (report) await disposeRun(report);
    signals.off('SIGINT', onSignal);
    signals.off('SIGTERM', onSignal);
  }
}

/** A bad flag or input, before any call: exit 2. */
class UsageError extends Error {}

/** The exit code of each ending of a run (see the README's exit codes). */
export const EXIT_CODES: Record<Ending, number> = {
  succeeded: EXIT.success,
  cancelled: EXIT.cancelled,
  'bad-input': EXIT.usage,
  'no-result': EXIT.noResult,
  'timed-out': EXIT.timedOut,
  failed: EXIT.failed,
};

/** `--name value`, `--name=value`, and a bare `--name` for a true/false flag. */
function parseArguments(argv: string[]): Parsed {
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

function help(): string {
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
