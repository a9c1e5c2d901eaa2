// The peers' pattern, as a baseline for the benchmark: start the workflow, then look at the
// execution list every `interval` ms until the execution has a final status, and exit. The first
// look comes after `phase` (a fraction, 0 to 1) of the interval: real durations are no exact multiple
// of it, so in real use the looks fall at a random phase against the end, and so they do here.
// A throttled answer (409 or 429) is waited out as the gateway asks, the best such a loop does.
// Prints the execution ID on its last line.
// Usage: node fixed-poller.mjs <gateway-url> <token> <workflow-id> <interval-ms> <phase>
const [gateway, token, workflowId, interval, phase] = process.argv.slice(2);
const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
const api = `${gateway}/qflowapi/v1`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends until the gateway lets the call through. */
async function call(url, init) {
  for (;;) {
    const answer = await fetch(url, { headers, ...init });
    if (answer.status !== 409 && answer.status !== 429) return answer.json();
    const toWait = Number(answer.headers.get('x-ratelimit-towait-sec') || answer.headers.get('retry-after') || 1);
    await sleep(Math.max(toWait * 1000, 50));
  }
}

const { executionId } = await call(`${api}/workflows/${workflowId}/run`, { method: 'POST', body: '{}' });
for (let wait = Number(phase) * Number(interval); ; wait = Number(interval)) {
  await sleep(wait);
  const since = new Date(Date.now() - 3600_000).toISOString();
  const until = new Date(Date.now() + 300_000).toISOString();
  const { items } = await call(`${api}/workflows/${workflowId}/executions?pageSize=50&startAt=${since}&endAt=${until}&order=-createdAt`);
  const execution = items.find((item) => item.id === executionId);
  if (execution && execution.status !== 'Running') {
    console.log(executionId);
    process.exit(execution.status === 'Success' ? 0 : 1);
  }
}
