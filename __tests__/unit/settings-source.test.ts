import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Input, Output } from '../../src/names.js';
import { misspeltVariable, outputVariable, SettingSources, unknownFlag } from '../../src/cli/settings-source.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'qflow-settings-source-'));
  await writeFile(path.join(dir, 'matrix.yml'), '- variables: {region: eu-west-1}\n');
  await mkdir(path.join(dir, 'folder'));
  await writeFile(path.join(dir, 'huge.json'), 'x'.repeat(1024 * 1024 + 1));
  await writeFile(path.join(dir, 'empty.yml'), ' \n');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

function sources(flags: Record<string, string>, env: NodeJS.ProcessEnv = {}): SettingSources {
  const s = new SettingSources(env);
  s.flags = new Map(Object.entries(flags));
  return s;
}

describe('SettingSources', () => {
  it('takes a flag over its environment variable, trimmed', () => {
    const s = sources({ [Input.Timeout]: ' 30 minutes ' }, { QFLOW_TIMEOUT: '1h', QFLOW_WORKFLOW_ID: 'w' });
    expect(s.read(Input.Timeout)).toBe('30 minutes');
    expect(s.read(Input.WorkflowId)).toBe('w');
    expect(s.read(Input.Platform)).toBe('');
  });

  it('names a setting the way the user gave it, and a secret always by its variable', () => {
    const s = sources({ [Input.Timeout]: '1h' }, { QFLOW_VARIABLES: 'region: x' });
    expect(s.nameOf(Input.Timeout)).toBe('--timeout');
    expect(s.nameOf(Input.Variables)).toBe('QFLOW_VARIABLES');
    expect(s.nameOf(Input.Platform)).toBe('--platform');
    expect(s.nameOf(Input.ClientSecret)).toBe('QFLOW_CLIENT_SECRET');
    expect(s.names.subject(Input.Timeout)).toBe('Flag --timeout');
    expect(s.names.set(Input.AllowUnknownVariables, 'true')).toBe('--allow-unknown-variables true');
    expect(s.names.program).toBe('qflow-run');
  });

  it('reads a matrix, an input or variables given as @file', async () => {
    const s = sources({ [Input.Matrix]: `@${path.join(dir, 'matrix.yml')}` }, { QFLOW_VARIABLES: `@${path.join(dir, 'matrix.yml')}` });
    await s.readFiles();
    expect(s.read(Input.Matrix)).toBe('- variables: {region: eu-west-1}');
    expect(s.read(Input.Variables)).toBe('- variables: {region: eu-west-1}');
    // Every message about a setting read from a file names the file, as a YAML error in it does.
    expect(s.names.subject(Input.Matrix)).toBe(`Flag --matrix (the file ${path.join(dir, 'matrix.yml')})`);
    expect(s.names.subject(Input.Variables)).toBe(`QFLOW_VARIABLES (the file ${path.join(dir, 'matrix.yml')})`);
    expect(s.names.subject(Input.Timeout)).toBe('Flag --timeout');
  });

  it("reads none of the GitHub Action's own settings from the environment", () => {
    const s = sources({}, { QFLOW_COMMENT_ON_PR: 'true', QFLOW_GITHUB_TOKEN: 'ghp_x' });
    expect(s.read(Input.CommentOnPr)).toBe('');
    expect(s.read(Input.GithubToken)).toBe('');
  });

  it('reads no other setting as a file', async () => {
    const s = sources({ [Input.WorkflowId]: '@workflow' });
    await s.readFiles();
    expect(s.read(Input.WorkflowId)).toBe('@workflow');
  });

  it.each([
    ['no file', '@', 'Flag --matrix is "@" without a file. Expected @ and the path of a JSON or YAML file, such as @matrix.yml.'],
    ['a file that does not exist', '@nowhere.yml', 'Flag --matrix names the file "nowhere.yml", which does not exist.'],
    ['a folder', '@folder', 'Flag --matrix names the file "folder", which is a folder.'],
    ['a file over 1 MiB', '@huge.json', 'Flag --matrix names the file "huge.json", of 1048577 bytes. Expected a JSON or YAML file of at most 1 MiB.'],
    ['an empty file', '@empty.yml', 'Flag --matrix names the file "empty.yml", which is empty. Expected the setting\'s JSON or YAML in it.'],
  ])('refuses %s, naming the flag and the file', async (_name, value, message) => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await expect(sources({ [Input.Matrix]: value }).readFiles()).rejects.toThrow(message);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('blankExecutionId', () => {
  it('refuses an execution ID given but blank, which would otherwise start the workflow again', () => {
    expect(sources({ [Input.ExecutionId]: '' }).blankExecutionId()).toBe(
      "Flag --execution-id is given but blank (a variable that was not set, such as an earlier job's QFLOW_OUT_EXECUTION_ID?). Expected the UUID of the execution to wait for; leave --execution-id out to start a new execution.",
    );
    expect(sources({}, { QFLOW_EXECUTION_ID: ' ' }).blankExecutionId()).toMatch(/^QFLOW_EXECUTION_ID is given but blank/);
  });

  it('says nothing when no execution ID is given, or one is', () => {
    expect(sources({}).blankExecutionId()).toBeUndefined();
    expect(sources({ [Input.ExecutionId]: '6ad5f333-c4ad-4008-b0d3-caab170d130b' }).blankExecutionId()).toBeUndefined();
  });
});

describe('misspeltVariable', () => {
  it('names the setting a QFLOW_ variable one or two edits from', () => {
    expect(misspeltVariable({ QFLOW_WORKFLOW_IDD: 'w' })).toBe(
      'The environment variable QFLOW_WORKFLOW_IDD is not a setting of qflow-run. Did you mean QFLOW_WORKFLOW_ID? (Other QFLOW_ variables are left alone; qflow-run --help lists its own.)',
    );
    expect(misspeltVariable({ QFLOW_TIMOUT: '1h' })).toContain('Did you mean QFLOW_TIMEOUT?');
  });

  it("leaves alone a pipeline's own QFLOW_ variables and an earlier job's outputs", () => {
    expect(misspeltVariable({ QFLOW_RUN: 'yes', QFLOW_OUT_EXECUTION_ID: 'x', QFLOW_DEBUG: '1', QFLOW_WORKFLOW_ID: 'w' })).toBeUndefined();
  });
});

describe('outputVariable and unknownFlag', () => {
  it('names an output for a later job apart from every setting', () => {
    expect(outputVariable(Output.ExecutionId)).toBe('QFLOW_OUT_EXECUTION_ID');
  });

  it('suggests the nearest flag for a typo, and nothing for a word far from all', () => {
    expect(unknownFlag('timout', ['timeout', 'platform'])).toBe('Unknown flag --timout. Did you mean --timeout?');
    expect(unknownFlag('zzz', ['timeout', 'platform'])).toBe('Unknown flag --zzz.');
  });
});
