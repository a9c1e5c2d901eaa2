/**
 * `qflow-run`: the engine for every CI that is not GitHub (GitLab CI, Jenkins, Azure Pipelines) and
 * for a terminal. Flags are the action's input names (`--workflow-id`), each also read from
 * `QFLOW_<NAME>`; the log goes to stderr, one line per change; the result goes where the platform
 * wants it: JSON on stdout (`--json`), KEY=VALUE lines for a dotenv report (`--dotenv`), the summary
 * as Markdown (`--summary`); the exit code says how it ended.
 */
import os from 'node:os';
import path from 'node:path';
import { CancelledError, InputError, messageOf, quote } from '../errors.js';
import { Input } from '../names.js';
import { readSettings } from '../settings/read.js';
import type { Ending, RunReport } from '../run/report.js';
import { summaryMarkdown } from '../report/summary.js';
import { prepareOutputFile } from '../files.js';
import { publish, writeStartedDotenv } from './publish.js';
import { disposeRun, runQFlow } from '../run/engine.js';
import { proxyAgentFrom } from '../qflow/proxy.js';
import { Redactor } from '../redact.js';
import { systemClock } from '../time.js';
import type { Settings } from '../settings/settings.js';
import { FLAGS, VERSION } from './flags.js';
import { help, parseArguments, type Parsed } from './arguments.js';
import { misspeltVariable, outputVariable, SettingSources } from './settings-source.js';
import { azureIssue, azureSummary, azureVariables, onAzure } from './azure.js';
import { onePerChange, Terminal, type Io } from './terminal.js';

/** How the command ended, for the CI that runs it (the README has the table). */
export const EXIT = { success: 0, failed: 1, usage: 2, timedOut: 3, noResult: 4, cancelled: 130 } as const;

export type { Io } from './terminal.js';

/** Runs the command; resolves with its exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, io: Io = process, signals: NodeJS.EventEmitter = process): Promise<number> {
  const redactor = new Redactor();
  const terminal = new Terminal(io, redactor, env);
  let parsed: Parsed;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    return terminal.fail(EXIT.usage, `${(error as Error).message} See qflow-run --help.`);
  }
  terminal.json = parsed.json;
  if (parsed.ci !== undefined && parsed.ci !== 'azure' && parsed.ci !== 'plain') {
    return terminal.fail(EXIT.usage, `Flag --ci is "${parsed.ci}". Expected azure or plain.`);
  }
  terminal.azure = parsed.ci === undefined ? onAzure(env) : parsed.ci === 'azure';
  if (parsed.help) {
    terminal.stdout(help());
    return EXIT.success;
  }
  if (parsed.version) {
    terminal.stdout(`qflow-run ${VERSION}\n`);
    return EXIT.success;
  }
  for (const flag of FLAGS.filter((f) => f.secret && parsed.values.has(f.name))) {
    terminal.warn(
      `--${flag.name} was given on the command line, where process lists and shell history show it. Set ${flag.variable} in the environment instead.`,
    );
  }
  const misspelt = misspeltVariable(env);
  if (misspelt !== undefined) return terminal.fail(EXIT.usage, misspelt);
  const sources = new SettingSources(env);
  sources.flags = parsed.values;
  const blank = sources.blankExecutionId();
  if (blank !== undefined) return terminal.fail(EXIT.usage, blank);

  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (cancel.signal.aborted) return;
    terminal.say(`Received ${signal}: stopping the wait.`);
    cancel.abort(new CancelledError());
  };
  signals.on('SIGINT', onSignal);
  signals.on('SIGTERM', onSignal);
  let report: RunReport | undefined;
  try {
    const settings = await checkedSettings(sources, parsed, redactor);
    report = await run(settings, parsed, { terminal, redactor, env, signal: cancel.signal });
    return await conclude(report, parsed, { terminal, redactor, env });
  } catch (error) {
    const message = error instanceof UsageError ? error.message : messageOf(error);
    return terminal.fail(error instanceof UsageError ? EXIT.usage : EXIT.noResult, message);
  } finally {
    if (report) await disposeRun(report);
    signals.off('SIGINT', onSignal);
    signals.off('SIGTERM', onSignal);
  }
}

interface Context {
  terminal: Terminal;
  redactor: Redactor;
  env: NodeJS.ProcessEnv;
}

/** The settings, files and all, checked before any call: a run that starts must be able to say how it ended. */
async function checkedSettings(sources: SettingSources, parsed: Parsed, redactor: Redactor): Promise<Settings> {
  const usage = (error: unknown): never => {
    if (error instanceof InputError) throw new UsageError(error.message);
    throw error;
  };
  await sources.readFiles().catch(usage);
  const settings = await readSettings(
    (name: Input) => sources.read(name),
    (secret) => redactor.add(secret),
    sources.names,
  ).catch(usage);
  const sinks = [
    ['--summary', parsed.summary, 'qflow.md'],
    ['--dotenv', parsed.dotenv, 'qflow.env'],
  ] as const;
  for (const [flag, file, example] of sinks) {
    if (file !== undefined) await prepareOutputFile(`Flag ${flag}`, file, example).catch(usage);
  }
  // Two sinks in one file (the result file's included): the last written would hold it, the other lost.
  const given = [...sinks, [sources.nameOf(Input.OutputFile), settings.outputFile] as const]
    .filter(([, file]) => file !== undefined)
    .map(([name, file]) => [name, path.resolve(file!)] as const);
  for (const [i, [name, file]] of given.entries()) {
    const same = given.slice(i + 1).find(([, other]) => other === file);
    if (same) throw new UsageError(`${name} and ${same[0]} name the same file, ${quote(file)}. Expected a file of its own for each.`);
  }
  return settings;
}

/** The engine, run with the command's log (one line per change of status) and its dotenv told of each execution started. */
async function run(settings: Settings, parsed: Parsed, { terminal, redactor, env, signal }: Context & { signal: AbortSignal }): Promise<RunReport> {
  let started: Promise<void> | undefined;
  const report = await runQFlow(settings, {
    log: {
      info: onePerChange((line) => terminal.say(line)),
      debug: (message) => {
        if (env.QFLOW_DEBUG === '1' || env.RUNNER_DEBUG === '1') terminal.say(terminal.paint('2', message));
      },
      warning: (message) => terminal.warn(message),
    },
    signal,
    clock: systemClock,
    tempDir: tempDirOf(env),
    redactor,
    registerSecret: (secret) => redactor.add(secret),
    group: async (title, body) => {
      terminal.say(terminal.paint('1', `== ${title}`));
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
  return report;
}

/** Publishes the report where the user asked (and to Azure on its agent), says how the run ended, and gives the exit code. */
async function conclude(report: RunReport, parsed: Parsed, { terminal, redactor, env }: Context): Promise<number> {
  const summary = () => redactor.text(summaryMarkdown(report));
  const published = await publish(report, parsed, summary, (text) => terminal.stdout(text), redactor);
  for (const warning of published.warnings) terminal.warn(warning);
  if (terminal.azure) {
    for (const line of azureVariables(published.values, outputVariable)) terminal.command(line);
    terminal.command(await azureSummary(summary(), parsed.summary, env, tempDirOf(env)));
  }
  // The summary points here for a result file the user did not place (it is in the temp folder).
  if (report.outputFile !== undefined && !report.outputFileChosen) {
    terminal.say(`Result file: ${report.outputFile} (in the temp folder; --output-file puts it where the job's artifacts can pick it up).`);
  }
  const code = EXIT_CODES[report.ending];
  if (code !== EXIT.success) {
    const message = redactor.text(report.message ?? `The QFlow run ended as ${report.result}.`);
    // A mistake or an error of the run is an error; an execution that failed or timed out is its outcome.
    // On Azure each is an issue of the step (a timeout too: the step fails, so a gate holds).
    if (terminal.azure) terminal.command(azureIssue(code === EXIT.cancelled ? 'warning' : 'error', message));
    else
      terminal.say(
        terminal.paint(code === EXIT.cancelled ? '33' : '31', code === EXIT.usage || code === EXIT.noResult ? `error: ${message}` : message),
      );
  }
  return code;
}

/** The CI's own temp folder (Azure's, GitHub's), else the system's. */
function tempDirOf(env: NodeJS.ProcessEnv): string {
  return env.AGENT_TEMPDIRECTORY || env.RUNNER_TEMP || env.TMPDIR || os.tmpdir();
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
