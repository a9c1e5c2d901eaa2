/**
 * `npm run simulator -- --port 8787`: a QFlow simulator in the foreground, for trying the action by
 * hand or from a workflow job. Accepts the token `sim-token`, the OAuth client `sim-client` /
 * `sim-secret` and the user `sim-user` / `sim-password`, and serves the workflows the README's examples
 * name (f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a and 0ffaf046-768b-79fc-83f6-aa25be52c2a1, the documented
 * AWS workflow) and one that fails at its second step (0b5e3a5c-95f1-4a35-9a3e-6e2b1c0d9f10); `--help`
 * says so. Its flags make the gateway a fleet of jobs may meet: smaller pages, a tighter budget, slower
 * answers, a history of past runs (every client with the token `sim-token` shares one subscription).
 */
import { DEFAULT_RATE_LIMIT, failingSampleWorkflow, QFlowSimulator, sampleWorkflow, type SimulatorOptions } from './server.js';

const USAGE = `Usage: npm run simulator -- [--port 8787] [--page-size N] [--rate-limit 300/3600] [--latency 0]
                              [--run-seconds 3] [--history 0]

A QFlow gateway as the Qualys docs describe it, on 127.0.0.1, until Ctrl-C. Credentials: token sim-token,
OAuth client sim-client / sim-secret, user sim-user / sim-password. Workflows:
  f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a  succeeds (the documented AWS workflow)
  0ffaf046-768b-79fc-83f6-aa25be52c2a1  succeeds
  0b5e3a5c-95f1-4a35-9a3e-6e2b1c0d9f10  fails at its second step, with the step's error
A run lasts 3 s; for a wait that times out, pass a shorter timeout (--timeout '2 sec').

Every client with one token shares its budget, as the jobs of a matrix share a subscription's, and
2 calls may run at once (the documented example); flags as --flag value or --flag=value:
  --port N             the port (or QFLOW_SIMULATOR_PORT); default 8787
  --page-size N        the most executions a page of the execution list holds; default: as many as asked
  --rate-limit N/S     N calls per S seconds on a rolling window; default 300/3600, as documented
  --latency MS[-MS]    each answer takes this long, or a time drawn between the two; default 0
  --run-seconds S      how long a run lasts, ±10 % when more than 3; default 3
  --history N          past successful runs of each workflow, an hour apart; default 0`;

function refuse(problem: string): never {
  console.error(`${problem}\n\n${USAGE}`);
  process.exit(2);
}

const FLAGS = ['--port', '--page-size', '--rate-limit', '--latency', '--run-seconds', '--history'];
/** Each flag with its value, as `--flag value` or `--flag=value`: a gateway other than the one asked for would mislead a trial. */
const given = new Map<string, string>();
const args = process.argv
  .slice(2)
  .flatMap((arg) => (/^--[a-z-]+=/.test(arg) ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]));
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--help' || args[i] === '-h') continue;
  if (!FLAGS.includes(args[i])) refuse(`Unknown argument '${args[i]}'.`);
  if (i + 1 >= args.length) refuse(`${args[i]} needs a value.`);
  given.set(args[i], args[++i]);
}

/** A flag's value, read by `read`, or undefined when the flag is absent; a wrong one ends with the usage error. */
function flag<T>(name: string, expected: string, read: (text: string) => T | undefined): T | undefined {
  const text = given.get(name);
  if (text === undefined) return undefined;
  const value = read(text);
  return value === undefined ? refuse(`${name}: expected ${expected}, got '${text}'.`) : value;
}

const whole = (min: number) => (text: string) => (/^\d+$/.test(text) && Number(text) >= min ? Number(text) : undefined);

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const port = flag('--port', 'a port number', whole(0)) ?? Number(process.env.QFLOW_SIMULATOR_PORT ?? 8787);
const pageSize = flag('--page-size', 'a whole number of 1 or more', whole(1));
const rateLimit = flag('--rate-limit', 'calls/seconds, such as 300/3600', (text) => {
  const [calls, seconds] = /^(\d+)\/(\d+)$/.exec(text)?.slice(1).map(Number) ?? [];
  return calls >= 1 && seconds >= 1 ? { limit: calls, windowSec: seconds } : undefined;
});
const latencyMs = flag('--latency', 'milliseconds, or a range such as 100-300', (text) => {
  const [low, high] = /^(\d+)(?:-(\d+))?$/.exec(text)?.slice(1) ?? [];
  if (low === undefined) return undefined;
  return high === undefined ? Number(low) : Number(high) >= Number(low) ? ([Number(low), Number(high)] as [number, number]) : undefined;
});
const runSeconds = flag('--run-seconds', 'a number of seconds above 0', (text) =>
  /^\d+(\.\d+)?$/.test(text) && Number(text) > 0 ? Number(text) : undefined,
);
const history = flag('--history', 'a whole number of past runs', whole(0)) ?? 0;

const durationMs = (runSeconds ?? 3) * 1000;
// A short run stays exact, as the examples' timeouts expect; a longer one spreads as real ones do.
const durationSpread = durationMs > 3000 ? 0.1 : 0;
const workflows = [
  sampleWorkflow({ durationMs, durationSpread }),
  sampleWorkflow({ id: '0ffaf046-768b-79fc-83f6-aa25be52c2a1', name: 'Stop exposed EC2 instances (copy)', durationMs, durationSpread }),
  failingSampleWorkflow({ durationMs, durationSpread }),
];
const options: SimulatorOptions = {
  port,
  workflows,
  credentials: { token: 'sim-token', clientId: 'sim-client', clientSecret: 'sim-secret', username: 'sim-user', password: 'sim-password' },
  listDelayMs: 1000,
  ...(pageSize !== undefined ? { maxPageSize: pageSize } : {}),
  ...(rateLimit !== undefined ? { rateLimit: { ...DEFAULT_RATE_LIMIT, ...rateLimit } } : {}),
  ...(latencyMs !== undefined ? { latencyMs } : {}),
};
const simulator = new QFlowSimulator(options);
for (const workflow of workflows) {
  for (let i = 1; i <= history; i++) {
    const ms = durationMs * (1 + durationSpread * (2 * Math.random() - 1));
    simulator.addExecution({ workflowId: workflow.id, createdAt: Date.now() - i * 3600_000, durationMs: ms, finalStatus: workflow.finalStatus });
  }
}
console.log(`QFlow simulator listening on ${await simulator.start()}`);
// What a trial runs against, said once, so a flag left out is not taken for one given.
const budget = options.rateLimit || DEFAULT_RATE_LIMIT;
console.log(
  `${pageSize ? `Pages of up to ${pageSize} executions` : 'Pages of as many executions as asked'}, ${budget.limit} calls per ${budget.windowSec} s, 2 calls at once, answers in ${[latencyMs ?? 0].flat().join('-')} ms, runs of ${durationMs / 1000} s${durationSpread ? ' ± 10 %' : ''}, ${history} past runs a workflow.`,
);
const stop = () => void simulator.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
