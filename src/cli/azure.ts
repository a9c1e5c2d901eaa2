/**
 * Azure Pipelines, the way it reads a step: logging commands on stdout (`##vso[…]`). Errors and
 * warnings become issues on the run page (`task.logissue`), the summary a tab of it
 * (`task.uploadsummary`), and the execution ID, status and result output variables a later step or
 * job reads (`task.setvariable … isOutput=true`). Detected by `TF_BUILD` (set by every Azure agent),
 * or asked for with `--ci azure`.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Output } from '../names.js';

/** The output variables set: a later step reads `$(<step name>.QFLOW_OUT_EXECUTION_ID)`. */
export const AZURE_OUTPUTS: readonly Output[] = [Output.ExecutionId, Output.Status, Output.Result, Output.OutputFile];

/** Whether the command runs on an Azure Pipelines agent. */
export function onAzure(env: NodeJS.ProcessEnv): boolean {
  return (env.TF_BUILD ?? '').toLowerCase() === 'true';
}

/**
 * A logging command's message: a line break or a `%` in it would end or change the command, so they
 * are encoded the way the agent decodes them.
 */
function escapeData(text: string): string {
  return text.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A logging command's property value: `;` and `]` end it besides. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/;/g, '%3B').replace(/]/g, '%5D');
}

/** An error or a warning as an issue on the run page. */
export function azureIssue(kind: 'error' | 'warning', message: string): string {
  return `##vso[task.logissue type=${kind}]${escapeData(message)}`;
}

/** The output variables, one logging command each. */
export function azureVariables(values: Map<Output, string>, name: (output: Output) => string): string[] {
  return AZURE_OUTPUTS.map(
    (output) => `##vso[task.setvariable variable=${escapeProperty(name(output))};isOutput=true]${escapeData(values.get(output) ?? '')}`,
  );
}

/**
 * Writes the summary where the agent keeps the build's files (`AGENT_TEMPDIRECTORY`, else `dir`) unless a
 * file was given, and returns the command that shows it as a tab of the run page.
 */
export async function azureSummary(summary: string, file: string | undefined, env: NodeJS.ProcessEnv, dir: string): Promise<string> {
  const target = path.resolve(file ?? path.join(env.AGENT_TEMPDIRECTORY || dir, `qflow-summary-${process.pid}.md`));
  if (file === undefined) await writeFile(target, summary);
  return `##vso[task.uploadsummary]${escapeData(target)}`;
}
