import type { ActionRun } from '../../src/simulator/runner.js';

/**
 * A run's outputs with what changes from run to run (execution IDs, instants, the temporary folder,
 * how many looks the machine's timing allowed) replaced by placeholders, so two runs compare byte for byte.
 */
export function stableOutputs(run: ActionRun, executionIds: string[]): Record<string, string> {
  const stable: Record<string, string> = {};
  for (const [name, value] of Object.entries(run.outputs)) {
    let text = value.split(run.runnerTemp).join('<runner-temp>');
    executionIds.forEach((id, i) => (text = text.split(id).join(`<execution-${i + 1}>`)));
    text = text
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<instant>')
      .replace(/("(?:createdAt|startDate|endDate|updatedAt|executionEndDate)":)\d+/g, '$1<epoch-ms>');
    text = text.replace(/("parDateKey":)"[^"]*"/g, '$1"<date>"');
    stable[name] = name === 'api-calls' ? '<count>' : text;
  }
  return stable;
}
