// The check of scripts/bench-n8n.sh after `rekey reencrypt`: n8n-core's own Cipher (n8n 2.41.1, installed by
// scripts/install-n8n.sh) decrypts sample credentials_entity.data values with the deployment_key rows read
// from the database, the way n8n reads a credential (Cipher.decryptV2: key by id, unwrapped with the
// instance key from N8N_ENCRYPTION_KEY). Each must decrypt to a JSON object and name the expected key.
//
// stdin, one item a line: `key <id> <algorithm> <status> <wrapped value>` for each data_encryption row,
// then `value <stored value>` for each sample. Prints one JSON line; exit 1 when any sample fails.
// Usage: N8N_ENCRYPTION_KEY=... node scripts/bench-n8n-check.mjs --expect-key KEY_ID < lines
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({ options: { 'expect-key': { type: 'string' } } });
if (!process.env.N8N_ENCRYPTION_KEY) throw new Error('N8N_ENCRYPTION_KEY is not set');

const home = process.env.REKEY_N8N_HOME ?? join(homedir(), '.cache/rekey-n8n');
const userFolder = mkdtempSync(join(tmpdir(), 'rekey-bench-check-'));
process.env.N8N_USER_FOLDER = userFolder;
delete process.env.N8N_ENCRYPTION_KEY_FILE;

const require = createRequire(join(home, 'n8n-2.41.1/package.json'));
const { Container } = require('@n8n/di');
const { Cipher, EncryptionKeyProxy } = require('n8n-core');
const cipher = Container.get(Cipher);

const keys = new Map();
const samples = [];
for (const line of readFileSync(0, 'utf8').split('\n')) {
  const [kind, ...rest] = line.split(' ');
  if (kind === 'key') {
    const [id, algorithm, status, value] = rest;
    keys.set(id, { id, value, algorithm, status, format: algorithm === 'aes-256-cbc' ? 'no-prefix' : 'prefixed' });
  } else if (kind === 'value') {
    samples.push(rest.join(' '));
  }
}
const descriptors = [...keys.values()];
// The descriptors n8n's KeyManagerService returns for these rows.
Container.get(EncryptionKeyProxy).setProvider({
  getActiveKey: async () => descriptors.find((k) => k.status === 'active'),
  getKeyById: async (id) => keys.get(id) ?? null,
  getLegacyKey: async () => descriptors.find((k) => k.algorithm === 'aes-256-cbc'),
});

let ok = 0;
const failures = [];
for (const [i, value] of samples.entries()) {
  try {
    const prefix = value.includes(':') ? value.slice(0, value.indexOf(':')) : null;
    if (opts['expect-key'] && prefix !== opts['expect-key']) throw new Error(`names key ${prefix}`);
    const data = JSON.parse(await cipher.decryptV2(value));
    if (typeof data !== 'object' || data === null) throw new Error('not a JSON object');
    ok++;
  } catch (e) {
    failures.push(`sample ${i}: ${e.message}`);
  }
}
rmSync(userFolder, { recursive: true, force: true });
console.log(JSON.stringify({ check: 'n8n-core Cipher.decryptV2', samples: samples.length, ok, failures: failures.slice(0, 5) }));
process.exit(failures.length === 0 && samples.length > 0 ? 0 : 1);
