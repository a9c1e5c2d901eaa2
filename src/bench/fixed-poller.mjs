// The peers' pattern, as a baseline for the benchmark: start the workflow, then look at the
// execution list every `interval` ms until the execution has a final status, and exit. The first
// look comes after `phase` (a fraction, 0 to 1) of the interval: real durations are no exact multiple
// of it, so in real use the looks fall at a random phase against the end, and so they do here.
// Usage: node fixed-poller.mjs <gateway-url> <token> <workflow-id> <interval-ms> <phase>
const [gateway, token, workflowId, interval, phase] = process.argv.slice(2);
const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
const api = `${gateway}/qflowapi/v1`;

const started = await fetch(`${api}/workflows/${workflowId}/run`, { method: 'POST', headers, body: '{}' });
const { executionId } = await started.json();
for (let wait = Number(phase) * Number(interval); ; wait = Number(interval)) {
  await new Promise((resolve) => setTimeout(resolve, wait));
  const since = new Date(Date.now() - 3600_000).toISOString();
  const until = new Date(Date.now() + 300_000).toISOString();
  const list = await fetch(`${api}/workflows/${workflowId}/executions?pageSize=50&startAt=${since}&endAt=${until}&order=-createdAt`, { headers });
  const { items } = await list.json();
  const execution = items.find((item) => item.id === executionId);
  if (execution && execution.status !== 'Running') process.exit(execution.status === 'Success' ? 0 : 1);
}
