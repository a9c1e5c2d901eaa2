import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { parse as parseYaml } from 'yaml';
import {
  checkVariableValues,
  parseBoolean,
  parseDuration,
  parseList,
  parseMapping as parseMappingWith,
  parseNodeSelection,
  parseUuid,
  yamlParserFor,
} from '../../src/settings/parse.js';

const yaml = (text: string): unknown => parseYaml(text, { uniqueKeys: true });
const parseMapping = (name: string, value: string) => parseMappingWith(name, value, yaml);

describe('parseDuration', () => {
  it.each([
    ['45m', 45 * 60_000],
    ['1h30m', 90 * 60_000],
    ['90s', 90_000],
    ['500ms', 500],
    ['1m30s', 90_000],
    ['1.5s', 1500],
    ['120', 120_000],
    // The forms CI users write (GitLab's own for its job timeout).
    ['30 minutes', 30 * 60_000],
    ['1h 30m', 90 * 60_000],
    ['90 sec', 90_000],
    ['3 hours 30 minutes', 210 * 60_000],
    ['5 s', 5000],
    ['2 Hours', 2 * 3_600_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration("Input 'timeout'", text)).toBe(ms);
  });

  it.each(['', 'soon', 'an hour', '5x', 'm5', '10 fortnights', '-5s', '1h and 30m'])('rejects %p naming the input and the form', (text) => {
    expect(() => parseDuration("Input 'timeout'", text)).toThrow(InputError);
    expect(() => parseDuration("Input 'timeout'", text)).toThrow(
      /Input 'timeout'.*Expected a number with a unit, such as 45m, 1h30m, 1h 30m, 30 minutes, 90s or 500ms \(a bare number is seconds\)/,
    );
  });

  it('rejects a zero duration', () => {
    expect(() => parseDuration("Input 'poll-interval'", '0s')).toThrow(/longer than zero/);
  });
});

describe('parseUuid', () => {
  it('accepts a UUID in either case and returns it in lower case', () => {
    expect(parseUuid("Input 'workflow-id'", 'F516BCF4-F6FB-46AC-A54F-DDBCF2A2D24A')).toBe('f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a');
  });
  it('rejects a value that is not a UUID, quoting it', () => {
    expect(() => parseUuid("Input 'workflow-id'", 'my-workflow')).toThrow('Input \'workflow-id\' is "my-workflow", which is not a UUID');
  });
});

describe('parseBoolean', () => {
  it('reads the YAML spellings of true and false', () => {
    expect(parseBoolean("Input 'wait'", 'True')).toBe(true);
    expect(parseBoolean("Input 'wait'", 'FALSE')).toBe(false);
  });
  it('rejects anything else', () => {
    expect(() => parseBoolean("Input 'wait'", 'yes')).toThrow('Input \'wait\' is "yes". Expected true or false.');
  });
});

describe('parseMapping', () => {
  it('reads JSON', () => {
    expect(parseMapping("Input 'input'", '{"bucketName": "b1", "count": 4}')).toEqual({ bucketName: 'b1', count: 4 });
  });
  it('reads YAML, keeping strings such as "no" as strings (YAML 1.2)', () => {
    expect(parseMapping("Input 'variables'", 'region: us-east-1\nname: no\nlimits:\n  - 1\n  - 2')).toEqual({
      region: 'us-east-1',
      name: 'no',
      limits: [1, 2],
    });
  });
  it('returns undefined for an empty input, so the request leaves it out', () => {
    expect(parseMapping("Input 'input'", '  ')).toBeUndefined();
  });
  it('reports a JSON syntax error with its line and column', () => {
    expect(() => parseMapping("Input 'input'", '{\n  "a": 1,\n  "b": }')).toThrow(
      /Input 'input' is not valid JSON: syntax error at line 3, column 8/,
    );
  });
  it('reports a YAML syntax error with its line and column', () => {
    expect(() => parseMapping("Input 'variables'", 'region: us-east-1\n  bad: [unclosed')).toThrow(
      /Input 'variables'.*YAML syntax error at line \d+, column \d+/,
    );
  });
  it('rejects duplicate YAML keys', () => {
    expect(() => parseMapping("Input 'variables'", 'region: a\nregion: b')).toThrow(/Input 'variables'/);
  });
  it.each([
    ['[1, 2]', 'a list'],
    ['42', 'the number'],
    ['just some words', 'the string'],
    ['null', 'empty'],
  ])('rejects %p, which is not a mapping', (text, kind) => {
    expect(() => parseMapping("Input 'input'", text)).toThrow(new RegExp(`Input 'input' is ${kind}.*Expected a mapping`));
  });
});

describe('yamlParserFor', () => {
  it('loads no YAML parser for empty or JSON inputs', async () => {
    await expect(yamlParserFor(['', '  ', '{"a": 1}', '[1]', '{"broken": }'])).resolves.toBeUndefined();
  });
  it('loads the YAML parser when an input is YAML', async () => {
    const parser = await yamlParserFor(['', 'region: us-east-1']);
    expect(parser?.('region: us-east-1')).toEqual({ region: 'us-east-1' });
  });
});

describe('checkVariableValues', () => {
  it.each([['$(AWS_CONNECTOR)'], ['${AWS_CONNECTOR}'], ['$AWS_CONNECTOR']])(
    'rejects the unexpanded reference %p, naming the CI variable',
    (value) => {
      expect(() => checkVariableValues("Input 'variables'", { credentials: value, region: 'us-east-1' })).toThrow(
        /Input 'variables' gives the variable "credentials" the text .*, a reference to the CI variable AWS_CONNECTOR that was not expanded/,
      );
    },
  );
  it.each([[''], ['   '], [null], [[]]])('rejects the blank value %p, naming the variable', (value) => {
    expect(() => checkVariableValues("Input 'variables'", { credentials: 'aa70acae', region: value })).toThrow(
      /Input 'variables' leaves the variable "region" blank/,
    );
  });
  it('accepts values that are set, including false and 0, and text that only contains a $', () => {
    expect(() =>
      checkVariableValues("Input 'variables'", { region: 'us-east-1', dryRun: false, depth: 0, note: 'costs $(5) ${a} b', plain: '$home' }),
    ).not.toThrow();
  });
});

describe('parseList and parseNodeSelection', () => {
  it('splits on commas and newlines and drops blanks', () => {
    expect(parseList('a, b\n\nc,')).toEqual(['a', 'b', 'c']);
  });
  it('reads * as every step', () => {
    expect(parseNodeSelection("Input 'step-outputs'", '*')).toBe('all');
  });
  it('reads node IDs, dropping repeats', () => {
    expect(parseNodeSelection("Input 'step-outputs'", 'node-1, node-2\nnode-1')).toEqual(['node-1', 'node-2']);
  });
  it('rejects * mixed with IDs', () => {
    expect(() => parseNodeSelection("Input 'step-outputs'", '*, node-1')).toThrow(/mixes '\*' with node IDs/);
  });
  it('rejects a node ID with characters that would change the URL', () => {
    expect(() => parseNodeSelection("Input 'step-inputs'", 'node-1/../x')).toThrow(/Input 'step-inputs' names the node ID "node-1\/..\/x"/);
  });
});
