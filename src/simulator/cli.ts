/**
 * `npm run simulator -- --port 8787`: a QFlow simulator in the foreground, for trying the action by
 * hand or from a workflow job. Accepts the token `sim-token`, the OAuth client `sim-client` /
 * `sim-secret` and the user `sim-user` / `sim-password`, and serves the workflows the README's examples
 * name (f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a and 0ffaf046-768b-79fc-83f6-aa25be52c2a1, the documented
 * AWS workflow) and one that fails at its second step (0b5e3a5c-95f1-4a35-9a3e-6e2b1c0d9f10); `--help` says so.
 */
import { failingSampleWorkflow, QFlowSimulator, sampleWorkflow } from './server.js';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`Usage: npm run simulator -- [--port 8787]   (or QFLOW_SIMULATOR_PORT)

A QFlow gateway as the Qualys docs describe it, on 127.0.0.1, until Ctrl-C. Credentials: token sim-token,
OAuth client sim-client / sim-secret, user sim-user / sim-password. Workflows:
  f516bcf4-f6fb-46ac-a54f-ddbcf2a2d24a  succeeds (the documented AWS workflow)
  0ffaf046-768b-79fc-83f6-aa25be52c2a1  succeeds
  0b5e3a5c-95f1-4a35-9a3e-6e2b1c0d9f10  fails at its second step, with the step's error
A run lasts 3 s; for a wait that times out, pass a shorter timeout (--timeout '2 sec').`);
  process.exit(0);
}
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.QFLOW_SIMULATOR_PORT ?? 8787);
const simulator = new QFlowSimulator({
  port,
  workflows: [sampleWorkflow(), sampleWorkflow({ id: '0ffaf046-768b-79fc-83f6-aa25be52c2a1' }), failingSampleWorkflow()],
  credentials: { token: 'sim-token', clientId: 'sim-client', clientSecret: 'sim-secret', username: 'sim-user', password: 'sim-password' },
  listDelayMs: 1000,
});
console.log(`QFlow simulator listening on ${await simulator.start()}`);
const stop = () => void simulator.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
