// Generated from action.yml and package.json by `npm run docs`; a test fails when it is stale.
import type { Flag } from './flag.js';

export const VERSION = "1.0.0";

export const FLAGS: Flag[] = [
  {
    "name": "platform",
    "variable": "QFLOW_PLATFORM",
    "default": "",
    "description": "Qualys platform key, mapped to its API gateway: US1, US2, US3, US4, EU1, EU2, EU3, IN1, CA1, AE1, UK1, AU1 or KSA1. Give this or gateway-url.",
    "secret": false
  },
  {
    "name": "gateway-url",
    "variable": "QFLOW_GATEWAY_URL",
    "default": "",
    "description": "Base URL of the Qualys API gateway, such as https://gateway.qg1.apps.qualys.com (needed for private cloud platforms). Wins over platform. https only; plain http only to a loopback host, for local testing.",
    "secret": false
  },
  {
    "name": "token",
    "variable": "QFLOW_TOKEN",
    "default": "",
    "description": "A Qualys bearer JWT. Give exactly one of: token, client-id with client-secret, username with password.",
    "secret": true
  },
  {
    "name": "client-id",
    "variable": "QFLOW_CLIENT_ID",
    "default": "",
    "description": "OAuth client ID of a user-level client with the Qualys Flow Access permission; with it a JWT is fetched from POST /auth/oidc and renewed before it expires.",
    "secret": false
  },
  {
    "name": "client-secret",
    "variable": "QFLOW_CLIENT_SECRET",
    "default": "",
    "description": "Secret of the OAuth client in client-id.",
    "secret": true
  },
  {
    "name": "username",
    "variable": "QFLOW_USERNAME",
    "default": "",
    "description": "Qualys username; with it and the password a JWT is fetched from POST /auth and renewed before it expires.",
    "secret": false
  },
  {
    "name": "password",
    "variable": "QFLOW_PASSWORD",
    "default": "",
    "description": "Password of the Qualys user in username.",
    "secret": true
  },
  {
    "name": "workflow-id",
    "variable": "QFLOW_WORKFLOW_ID",
    "default": "",
    "description": "UUID of the QFlow workflow to run (or whose execution to wait for).",
    "secret": false
  },
  {
    "name": "execution-id",
    "variable": "QFLOW_EXECUTION_ID",
    "default": "",
    "description": "UUID of an execution that already exists: wait for it instead of starting a new one.",
    "secret": false
  },
  {
    "name": "input",
    "variable": "QFLOW_INPUT",
    "default": "",
    "description": "The input object of the run request, as JSON or YAML. Left out of the request when empty.",
    "secret": false
  },
  {
    "name": "variables",
    "variable": "QFLOW_VARIABLES",
    "default": "",
    "description": "Overrides of the workflow's saved variables, as JSON or YAML (for AWS both credentials and region; none may be blank). Left out of the request when empty.",
    "secret": false
  },
  {
    "name": "matrix",
    "variable": "QFLOW_MATRIX",
    "default": "",
    "description": "Run the workflow once per item, as JSON or YAML: a list of items, each with variables and/or input (merged over the variables and input above) and optionally a label that names it in the log, summary and executions output, or a mapping of lists such as {credentials: [a, b], region: [us-east-1, eu-west-1]}, expanded to every combination as a GitHub matrix is. One step then waits for every execution with the API calls of one. At most 256 items.",
    "secret": false
  },
  {
    "name": "max-parallel",
    "variable": "QFLOW_MAX_PARALLEL",
    "default": "4",
    "description": "With matrix: how many run calls may be in flight at once while starting the executions (fewer when the gateway allows fewer calls at once).",
    "secret": false
  },
  {
    "name": "fail-fast",
    "variable": "QFLOW_FAIL_FAST",
    "default": "false",
    "description": "With matrix: true to stop waiting as soon as one execution fails (the others go on in QFlow).",
    "secret": false
  },
  {
    "name": "allow-unknown-variables",
    "variable": "QFLOW_ALLOW_UNKNOWN_VARIABLES",
    "default": "false",
    "description": "true to pass, without a word, override variables that the workflow's definition does not list. By default such a variable is sent with a warning that names the workflow's variables, and refused before any run when it is a near miss of one the override leaves out (regoin for region).",
    "secret": false
  },
  {
    "name": "dry-run",
    "variable": "QFLOW_DRY_RUN",
    "default": "false",
    "description": "true to check everything (gateway, login, workflow, variables, node IDs) and show the run requests without starting anything; result is then validated. Not with execution-id.",
    "secret": false
  },
  {
    "name": "wait",
    "variable": "QFLOW_WAIT",
    "default": "true",
    "description": "true to wait for a final status; false to return as soon as the execution has started.",
    "secret": false
  },
  {
    "name": "timeout",
    "variable": "QFLOW_TIMEOUT",
    "default": "1h",
    "description": "Longest wait for a final status, such as 45m, 1h30m, 1h 30m, 30 minutes, 90s or 500ms (a bare number is seconds), counted from the start of the run: no call, retry or throttled wait (the run call's included) goes past it. Reading the steps and their data after a final status may take a minute more, at most. The QFlow execution is not stopped when the wait ends.",
    "secret": false
  },
  {
    "name": "poll-interval",
    "variable": "QFLOW_POLL_INTERVAL",
    "default": "2s",
    "description": "First and shortest pause between two looks at the execution. Around the time the workflow usually ends, looks come 1.25 times this far apart.",
    "secret": false
  },
  {
    "name": "max-poll-interval",
    "variable": "QFLOW_MAX_POLL_INTERVAL",
    "default": "1m",
    "description": "Longest pause between two looks at the execution, the look itself included: the end of the execution is noticed within it, unless the subscription's API budget cannot pay for looking that often (the log and the job summary then say so).",
    "secret": false
  },
  {
    "name": "request-timeout",
    "variable": "QFLOW_REQUEST_TIMEOUT",
    "default": "30s",
    "description": "Longest wait for one answer from the gateway, the whole answer included (a step's input or output may take four times as long), before the call counts as failed.",
    "secret": false
  },
  {
    "name": "step-outputs",
    "variable": "QFLOW_STEP_OUTPUTS",
    "default": "",
    "description": "Node IDs of the steps whose outputs to fetch, separated by commas or newlines, or * for every step.",
    "secret": false
  },
  {
    "name": "step-inputs",
    "variable": "QFLOW_STEP_INPUTS",
    "default": "",
    "description": "Node IDs of the steps whose inputs to fetch, separated by commas or newlines, or * for every step.",
    "secret": false
  },
  {
    "name": "success-statuses",
    "variable": "QFLOW_SUCCESS_STATUSES",
    "default": "Success",
    "description": "Final statuses that count as success, separated by commas or newlines; compared ignoring case, spaces, _ and -.",
    "secret": false
  },
  {
    "name": "failure-statuses",
    "variable": "QFLOW_FAILURE_STATUSES",
    "default": "",
    "description": "Final statuses that count as failure besides the known ones (Failed, Error, Terminated, Timed out, Cancelled, Aborted, Stopped and their spellings).",
    "secret": false
  },
  {
    "name": "output-file",
    "variable": "QFLOW_OUTPUT_FILE",
    "default": "",
    "description": "Where to write the full result as JSON; checked before any call (a missing folder is made). Default: qflow-<execution-id>.json in RUNNER_TEMP, or the system temp folder for the command (with matrix: qflow-<workflow-id>-<process id>.json).",
    "secret": false
  }
];
