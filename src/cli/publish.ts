/**
 * Where the command puts the result for the CI that runs it: a dotenv report (`--dotenv`) for later jobs,
 * the summary as Markdown (`--summary`), the result as JSON on stdout (`--json`). Each place is checked
 * before any call, and each is written on its own: one that fails never costs another its content, the
 * dotenv with the execution ID above all, which is written as soon as the execution has started.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { messageOf } from '../errors.js';
import { Output } from '../names.js';
import type { RunReport } from '../run/report.js';
import { resultFields } from '../run/result-file.js';
import { buildOutputs } from '../report/outputs.js';
import type { Redactor } from '../redact.js';
import { outputVariable } from './settings-source.js';

/** The one-line outputs a dotenv report carries, most needed first. */
export const DOTENV_OUTPUTS = [
  Output.ExecutionId,
  Output.Result,
  Output.Status,
  Output.StartedAt,
  Output.EndedAt,
  Output.DurationSeconds,
  Output.OutputFile,
  Output.ApiCalls,
];
/** GitLab refuses a dotenv report of 5 KB or more (its default): the report stays below this. */
export const MAX_DOTENV_BYTES = 4096;
/** The dotenv line that names the values left out for size. */
const LEFT_OUT = 'QFLOW_OUT_LEFT_OUT';
/** --json prints step data only while the result file is at most this large. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;

/** The dotenv report: KEY=VALUE lines, values on one line; what does not fit is left out, and named. */
export function dotenvText(values: Map<Output, string>): { text: string; leftOut: string[] } {
  const entries = DOTENV_OUTPUTS.map((name) => [outputVariable(name), oneLine(values.get(name) ?? '')] as [string, string]);
  const leftOut: string[] = [];
  // Room kept for the line that names what was left out, at its longest.
  const reserve = Buffer.byteLength(`${LEFT_OUT}=${entries.map(([k]) => k).join(',')}\n`);
  const size = () => Buffer.byteLength(entries.map(([k, v]) => `${k}=${v}\n`).join('')) + reserve;
  // The longest values go first (a matrix's comma-separated execution IDs): the result file has them all.
  while (size() >= MAX_DOTENV_BYTES) {
    const longest = entries.reduce((a, b) => (Buffer.byteLength(b[1]) > Buffer.byteLength(a[1]) ? b : a));
    if (longest[1] === '') break;
    leftOut.push(longest[0]);
    longest[1] = '';
  }
  if (leftOut.length > 0) entries.push([LEFT_OUT, leftOut.join(',')]);
  return { text: entries.map(([k, v]) => `${k}=${v}\n`).join(''), leftOut };
}

/**
 * A dotenv value GitLab reads as it is (KEY=VALUE up to the end of the line) and a shell may source
 * (Jenkins and Azure users do): a gateway's status such as `Running;touch x` or `a b` must not become a
 * command, so every character but letters, digits and `_ . , : / @ + = -` becomes `_`.
 */
function oneLine(value: string): string {
  return value.replace(/[^A-Za-z0-9_.,:/@+=-]/g, '_');
}

export interface Sinks {
  dotenv?: string;
  summary?: string;
  json: boolean;
}

/** Writes each sink asked for, each on its own; returns the warnings for those that could not be written. */
export async function publish(
  report: RunReport,
  sinks: Sinks,
  summary: () => string,
  stdout: (text: string) => void,
  redactor: Redactor,
): Promise<{ warnings: string[]; values: Map<Output, string> }> {
  const warnings: string[] = [];
  const { values } = await buildOutputs(report, redactor);
  const attempt = async (what: string, write: () => Promise<void>) => {
    try {
      await write();
    } catch (error) {
      warnings.push(`Could not write ${what}: ${messageOf(error)}`);
    }
  };
  if (sinks.dotenv !== undefined) {
    const file = sinks.dotenv;
    await attempt(`the dotenv report ${file}`, async () => {
      const { text, leftOut } = dotenvText(values);
      await writeFile(file, text);
      if (leftOut.length > 0) {
        warnings.push(
          `${leftOut.join(', ')} ${leftOut.length === 1 ? 'is' : 'are'} left out of the dotenv report, which GitLab refuses at 5 KB; the result file (${outputVariable(Output.OutputFile)}, or --output-file) has ${leftOut.length === 1 ? 'it' : 'them'}.`,
        );
      }
    });
  }
  if (sinks.summary !== undefined) {
    const file = sinks.summary;
    await attempt(`the summary ${file}`, () => writeFile(file, summary()));
  }
  if (sinks.json) {
    await attempt('the result to stdout', async () => {
      const file = report.outputFile;
      if (file !== undefined && (await stat(file)).size <= MAX_JSON_BYTES) {
        stdout(`${(await readFile(file, 'utf8')).trimEnd()}\n`);
      } else {
        // Too large to print whole (or nothing started): the same document without step data, which the file has in full.
        if (file !== undefined) warnings.push(`The result file is larger than 16 MiB; --json leaves the step data out. It is complete in ${file}.`);
        stdout(`${JSON.stringify(redactor.value(resultFields(report)), null, 2)}\n`);
      }
    });
  }
  return { warnings, values };
}

/** The dotenv report as soon as executions have started: a job killed during the wait still hands their IDs on. */
export async function writeStartedDotenv(file: string, executionIds: string[]): Promise<void> {
  const values = new Map<Output, string>([
    [Output.ExecutionId, executionIds.join(',')],
    [Output.Result, 'started'],
  ]);
  await writeFile(file, dotenvText(values).text);
}
