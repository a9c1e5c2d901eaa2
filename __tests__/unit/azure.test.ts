import { describe, expect, it } from '@jest/globals';
import { azureIssue, azureVariables } from '../../src/cli/azure.js';
import { Output } from '../../src/names.js';

describe('Azure logging commands', () => {
  it('encode what would end or change a command: a line break, %, and in a property ; and ]', () => {
    expect(azureIssue('error', 'line one\nline two 100%')).toBe('##vso[task.logissue type=error]line one%0Aline two 100%AZP25');
    const values = new Map([[Output.Status, 'Running]\n##vso[task.setvariable variable=x]y']]);
    const [, status] = azureVariables(values, (o) => `QFLOW_OUT_${o.toUpperCase()}`);
    expect(status).toBe('##vso[task.setvariable variable=QFLOW_OUT_STATUS;isOutput=true]Running]%0A##vso[task.setvariable variable=x]y');
    expect(status.split('\n')).toHaveLength(1);
  });
});
