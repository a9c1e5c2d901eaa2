/**
 * `npm start`: runs the bundled action against the simulator the way the GitHub runner would, once
 * for a run that succeeds and once for one whose step fails, and prints each log as the runner shows
 * it, the outputs and the job summary.
 */
import { failingSampleWorkflow, QFlowSimulator, sampleWorkflow } from './server.js';
import { runAction } from './runner.js';

const workflow = sampleWorkflow({ durationMs: 4000 });
const simulator = new QFlowSimulator({
  workflows: [workflow],
  credentials: { clientId: 'demo-client', clientSecret: 'demo-client-secret' },
  listDelayMs: 1000,
});
// A few earlier runs, so the action can learn how long this workflow usually takes.
for (let i = 1; i <= 5; i++) {
  simulator.addExecution({ workflowId: workflow.id, createdAt: Date.now() - i * 3600_000, durationMs: 4000 + 100 * i, finalStatus: 'Success' });
}
const url = await simulator.start();
console.log(`QFlow simulator listening on ${url}\n`);
console.log('--- action log ---');
try {
  const run = await runAction(
    {
      'gateway-url': url,
      'client-id': 'demo-client',
      'client-secret': 'demo-client-secret',
      'workflow-id': workflow.id,
      input: 'bucketName: test-bucket-1\ntotalBucketCount: 4',
      variables: '{"region": "us-east-1", "credentials": "aa70acae-6ea8-3acf-b504-f327855b316a"}',
      'poll-interval': '1s',
      'max-poll-interval': '2s',
      'step-outputs': '*',
    },
    { keepTemp: true },
  );
  process.stdout.write(asShown(run.stdout));
  process.stderr.write(run.stderr);
  console.log('\n--- outputs ---');
  for (const [name, value] of Object.entries(run.outputs)) {
    console.log(`${name}: ${value.length > 200 ? `${value.slice(0, 200)}...` : value}`);
  }
  console.log('\n--- job summary ---');
  console.log(run.summary);
  const logins = simulator.calls.filter((call) => call.endpoint === 'auth' || call.endpoint === 'oidc').length;
  console.log(
    `exit code ${run.exitCode}, ${simulator.calls.length} calls to the simulator (${logins} of them to log in, which api-calls leaves out as the gateway does); the result file is kept in ${run.runnerTemp}`,
  );
  const lastAnswer = simulator.calls.filter((call) => call.answerHeaders['X-RateLimit-Remaining'] !== undefined).pop();
  if (lastAnswer) {
    const headers = lastAnswer.answerHeaders;
    console.log(
      `the subscription's API budget, as the last answer reported it: ${headers['X-RateLimit-Remaining']} of ${headers['X-RateLimit-Limit']} calls left in ${headers['X-RateLimit-Window-Sec']} s`,
    );
  }
  console.log('\n--- a run whose step fails: action log ---');
  const failing = failingSampleWorkflow({ durationMs: 3000 });
  simulator.addWorkflow(failing);
  const failed = await runAction({
    'gateway-url': url,
    'client-id': 'demo-client',
    'client-secret': 'demo-client-secret',
    'workflow-id': failing.id,
    'poll-interval': '1s',
    'max-poll-interval': '2s',
  });
  process.stdout.write(asShown(failed.stdout));
  console.log('\n--- its job summary ---');
  console.log(failed.summary);
  console.log(`exit code ${failed.exitCode}: the step fails, as a gate on a failed workflow should`);
  process.exitCode = run.exitCode ?? 1;
} finally {
  await simulator.stop();
}

/**
 * The log as the runner shows it: its commands are read by the runner, not shown (a masked value is
 * registered by `::add-mask::`, debug lines appear only with debug logging on), and a group is a
 * section that folds.
 */
function asShown(log: string): string {
  return log
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::') && !line.startsWith('::debug::') && line !== '::endgroup::')
    .map((line) => line.replace(/^::group::/, '▸ ').replace(/^::(error|warning|notice)[^:]*::/, (_, kind: string) => `${kind}: `))
    .join('\n');
}
