import { describe, expect, it } from '@jest/globals';
import { expandMatrix, itemName, MAX_LABEL_LENGTH, MAX_MATRIX_ITEMS } from '../../src/settings/matrix.js';
import { INPUT_NAMES, type SettingNames } from '../../src/names.js';

/** The command's words for its settings, as the command hands them to the engine. */
const COMMAND_NAMES: SettingNames = {
  of: (name) => `--${name}`,
  subject: (name) => `Flag --${name}`,
  set: (name, value) => `--${name} ${value}`,
  program: 'qflow-run',
  resultPathIn: 'in the log',
};

describe('expandMatrix', () => {
  it('expands a mapping of lists in the order GitHub expands a matrix: the last list varies fastest', () => {
    const runs = expandMatrix({ account: ['a', 'b'], region: ['us-east-1', 'eu-west-1', 'ap-south-1'] }, {}, INPUT_NAMES);
    expect(runs.map((r) => `${String(r.variables?.account)}/${String(r.variables?.region)}`)).toEqual([
      'a/us-east-1',
      'a/eu-west-1',
      'a/ap-south-1',
      'b/us-east-1',
      'b/eu-west-1',
      'b/ap-south-1',
    ]);
  });

  it("lets an item's variables and input win over the step's own, and leaves out what neither gives", () => {
    const runs = expandMatrix(
      [{ variables: { region: 'eu-west-1' } }, { input: { mode: 'fix' } }],
      { variables: { region: 'us-east-1', dryRun: 'true' } },
      INPUT_NAMES,
    );
    expect(runs).toEqual([
      { variables: { region: 'eu-west-1', dryRun: 'true' }, input: undefined },
      { variables: { region: 'us-east-1', dryRun: 'true' }, input: { mode: 'fix' } },
    ]);
  });

  it('keeps a label, trimmed, and names the item by number and label', () => {
    const runs = expandMatrix(
      [
        { label: '  prod-eu ', variables: { region: 'eu-west-1' } },
        { label: 7, variables: { region: 'x' } },
      ],
      {},
      INPUT_NAMES,
    );
    expect(runs.map((r) => r.label)).toEqual(['prod-eu', '7']);
    expect(itemName(1, runs[0])).toBe('1 prod-eu');
    expect(itemName(3)).toBe('3');
  });

  it.each([
    ['a blank label', [{ label: '  ', variables: { a: 1 } }], /item 1's 'label' is blank/],
    [
      'a label over the limit',
      [{ label: 'x'.repeat(MAX_LABEL_LENGTH + 1), variables: { a: 1 } }],
      /is 61 characters long\. Expected a name of up to 60/,
    ],
    ['a label on two lines', [{ label: 'prod\neu', variables: { a: 1 } }], /is not on one line/],
    ['a label that is a list', [{ label: ['a'], variables: { a: 1 } }], /'label' is a list\. Expected a name/],
  ])('refuses %s, naming the item', (_name, matrix, message) => {
    expect(() => expandMatrix(matrix, {}, INPUT_NAMES)).toThrow(message);
  });

  it('refuses two items that would start the same run, naming both', () => {
    expect(() =>
      expandMatrix([{ variables: { region: 'a' } }, { variables: { region: 'b' } }, { label: 'again', variables: { region: 'a' } }], {}, INPUT_NAMES),
    ).toThrow(/items 1 and 3 would start the same run/);
  });

  it('refuses a runaway matrix before building every combination', () => {
    const values = Array.from({ length: 100 }, (_, i) => `v${i}`);
    expect(() => expandMatrix({ a: values, b: values, c: values }, {}, INPUT_NAMES)).toThrow(
      new RegExp(`Expected at most ${MAX_MATRIX_ITEMS} from one step`),
    );
  });

  it("speaks the command's language when the command hands it its names", () => {
    expect(() => expandMatrix([], {}, COMMAND_NAMES)).toThrow('Flag --matrix has no items. Expected at least one, or leave --matrix out.');
    expect(() => expandMatrix([{ region: 'x' }], {}, COMMAND_NAMES)).toThrow(/^Flag --matrix item 1 has the key "region"/);
  });
});
