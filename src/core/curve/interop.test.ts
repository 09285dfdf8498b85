/**
 * Acceptance by real ZeroMQ implementations: libzmq through the `zeromq` npm package (a CURVE
 * handshake only succeeds when the server's public key belongs to its secret key) and pyzmq from
 * Debian's python3-zmq (the certificate loader and `zmq.curve_public`). Node-only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCurveCert } from './zcert.ts';
import { readCurveCert } from './certReader.ts';
import { CURVE_PAIRS, MISMATCHED_PAIR } from './vectors.test-data.ts';
import { analyzeAnySpec, generateAny } from '../pipeline.ts';
import { fixture } from '../testing/fixtures.ts';

const zmq = await import('zeromq').catch(() => null);
const hasCurve = zmq?.capability.curve === true;

const SYSTEM_PYTHON = '/usr/bin/python3';
const hasPyZmq = (() => {
  const r = spawnSync(SYSTEM_PYTHON, ['-c', 'import zmq, zmq.auth'], { timeout: 10_000 });
  return r.status === 0;
})();

async function certKeys(hostname: string): Promise<{ text: string; publicKey: string; secretKey: string }> {
  const cert = await generateCurveCert({ hostname });
  const read = readCurveCert(cert.text);
  if (!read.ok) throw new Error(`generated certificate rejected: ${JSON.stringify(read.problems)}`);
  return { text: cert.text, publicKey: read.publicKey, secretKey: read.secretKey };
}

describe.skipIf(!hasCurve)('libzmq CURVE handshake (zeromq npm package)', () => {
  // Sends one message from a CURVE client to a CURVE server and resolves with what arrived, or
  // with null when nothing arrived within the timeout (a failed handshake is silent in ZeroMQ).
  async function exchange(server: { publicKey: string; secretKey: string }, clientServerKey: string): Promise<string | null> {
    if (!zmq) throw new Error('zeromq not loaded');
    const client = zmq.curveKeyPair();
    const pull = new zmq.Pull({
      curveServer: true,
      curvePublicKey: server.publicKey,
      curveSecretKey: server.secretKey,
      receiveTimeout: 3000,
      linger: 0,
    });
    const push = new zmq.Push({
      curveServerKey: clientServerKey,
      curvePublicKey: client.publicKey,
      curveSecretKey: client.secretKey,
      sendTimeout: 3000,
      linger: 0,
    });
    try {
      // Port 0 asks the kernel for a free port, so parallel runs cannot collide.
      await pull.bind('tcp://127.0.0.1:*');
      const endpoint = pull.lastEndpoint;
      if (!endpoint) throw new Error('bound socket reports no endpoint');
      push.connect(endpoint);
      await push.send('hello over curve');
      try {
        const [frame] = await pull.receive();
        return frame ? frame.toString() : null;
      } catch (err) {
        if ((err as { code?: string }).code === 'EAGAIN') return null;
        throw err;
      }
    } finally {
      push.close();
      pull.close();
    }
  }

  it('delivers a message to a server using a generated certificate', async () => {
    const server = await certKeys('flux-sample-0');
    expect(await exchange(server, server.publicKey)).toBe('hello over curve');
  });

  it('delivers nothing when the certificate pairs a public key with the wrong secret key', async () => {
    // What a mismatched certificate would do to Flux peers: they trust a key the server cannot prove.
    const mismatched = { publicKey: MISMATCHED_PAIR.public, secretKey: MISMATCHED_PAIR.secret };
    expect(await exchange(mismatched, mismatched.publicKey)).toBeNull();
  });

  it('delivers nothing when the client expects a different server key', async () => {
    const server = await certKeys('flux-sample-0');
    const other = await certKeys('other-0');
    expect(await exchange(server, other.publicKey)).toBeNull();
  });
});

describe.skipIf(!hasPyZmq)('pyzmq (Debian python3-zmq)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'curve-cert-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function python(script: string, ...args: string[]): string {
    const r = spawnSync(SYSTEM_PYTHON, ['-c', script, ...args], { encoding: 'utf8', timeout: 20_000 });
    if (r.status !== 0) throw new Error(`python failed (${r.status ?? r.signal}): ${r.stderr}`);
    return r.stdout.trim();
  }

  it('loads a generated certificate and confirms the keypair', async () => {
    const cert = await certKeys('flux-sample-0');
    const path = join(dir, 'curve.cert');
    writeFileSync(path, cert.text, { mode: 0o600 });
    const out = python(
      [
        'import json, sys, zmq, zmq.auth',
        'pub, sec = zmq.auth.load_certificate(sys.argv[1])',
        'print(json.dumps({"public": pub.decode(), "secret": sec.decode(), "match": zmq.curve_public(sec) == pub}))',
      ].join('\n'),
      path,
    );
    expect(JSON.parse(out)).toEqual({ public: cert.publicKey, secret: cert.secretKey, match: true });
  });

  it('loads the certificate from the Secret of a JobSet bundle, made for its lead broker', async () => {
    const keys = await certKeys('unused-0');
    const text = fixture('v1alpha2', 'hello-world');
    const output = { workload: 'jobset', certSecret: true } as const;
    const resolved = analyzeAnySpec(text, { output }).resolved;
    if (!resolved) throw new Error('hello-world did not resolve');
    const secret = generateAny(resolved, { keys, output }).find((m) => m.kind === 'Secret');
    const cert = (secret?.['stringData'] as Record<string, string> | undefined)?.['curve.cert'] ?? '';
    expect(cert).toContain('keygen.hostname = "flux-sample-node-0-0"');
    const path = join(dir, 'secret-curve.cert');
    writeFileSync(path, cert, { mode: 0o400 });
    const out = python(
      [
        'import json, sys, zmq, zmq.auth',
        'pub, sec = zmq.auth.load_certificate(sys.argv[1])',
        'print(json.dumps({"public": pub.decode(), "match": zmq.curve_public(sec) == pub}))',
      ].join('\n'),
      path,
    );
    expect(JSON.parse(out)).toEqual({ public: keys.publicKey, match: true });
  });

  it('agrees with the known-answer pairs and rejects the mismatched one', () => {
    const pairs = [...CURVE_PAIRS, MISMATCHED_PAIR];
    const out = python(
      [
        'import json, sys, zmq',
        'pairs = json.loads(sys.argv[1])',
        'print(json.dumps([zmq.curve_public(p["secret"].encode()) == p["public"].encode() for p in pairs]))',
      ].join('\n'),
      JSON.stringify(pairs),
    );
    expect(JSON.parse(out)).toEqual([...CURVE_PAIRS.map(() => true), false]);
  });
});
