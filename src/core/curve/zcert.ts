import { isZ85Key, z85Encode } from './z85.ts';
import { sodiumKeypairSource } from './keypair.ts';
import type { KeypairSource } from './keypair.ts';
import { firstBadValueChar } from './zpl.ts';

/** Metadata `name` the Flux Operator writes (pkg/flux/certs.go). */
export const DEFAULT_CERT_NAME = 'flux-cert-generator';

/**
 * The operator's template hard-codes this timestamp; reproducing it (rather than the real time)
 * keeps output identical to the operator's and deterministic for a fixed keypair.
 */
export const CERT_GENERATED_ON = '2023-04-26 22:54:42';

export interface CurveCertFields {
  /** Metadata `name`, which brokers use when logging the peer. */
  name: string;
  /** Metadata `keygen.hostname`; the operator writes `<cluster name>-0`. */
  hostname: string;
  /** Z85 public key, 40 characters. */
  publicKey: string;
  /** Z85 secret key, 40 characters. */
  secretKey: string;
}

export interface GeneratedCurveCert {
  text: string;
  publicKey: string;
  secretKey: string;
}

function checkMetadataValue(field: string, value: string): void {
  const bad = firstBadValueChar(value);
  if (bad >= 0) {
    throw new Error(
      `formatCurveCert: ${field} ${JSON.stringify(value)} contains ${JSON.stringify(value.charAt(bad))} at index ${bad}, ` +
        'which Flux does not accept in a certificate value (allowed: letters, digits, space, tab and .-:+=^!/*?&<>()[]{}@%$#)',
    );
  }
}

function checkKey(field: string, value: string): void {
  if (!isZ85Key(value)) {
    throw new Error(
      `formatCurveCert: ${field} must be 40 Z85 characters (a Z85-encoded 32-byte key); got ${value.length} characters`,
    );
  }
}

/**
 * The secret certificate text exactly as the Flux Operator writes it (CZMQ layout, 10 lines).
 * Line 4 is four spaces, not empty: the operator's template has it that way and byte-for-byte
 * equality with the operator's output matters more than tidiness; Flux skips it as blank.
 */
export function formatCurveCert({ name, hostname, publicKey, secretKey }: CurveCertFields): string {
  checkMetadataValue('name', name);
  checkMetadataValue('hostname', hostname);
  checkKey('publicKey', publicKey);
  checkKey('secretKey', secretKey);
  return [
    `#   ****  Generated on ${CERT_GENERATED_ON} by CZMQ  ****`,
    '#   ZeroMQ CURVE **Secret** Certificate',
    '#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.',
    '    ',
    'metadata',
    `    name = "${name}"`,
    `    keygen.hostname = "${hostname}"`,
    'curve',
    `    public-key = "${publicKey}"`,
    `    secret-key = "${secretKey}"`,
    '',
  ].join('\n');
}

export interface GenerateCurveCertOptions {
  hostname: string;
  name?: string;
  /** Defaults to libsodium's `crypto_box_keypair`; inject a fixed pair for reproducible output. */
  source?: KeypairSource;
}

export async function generateCurveCert(opts: GenerateCurveCertOptions): Promise<GeneratedCurveCert> {
  const source = opts.source ?? sodiumKeypairSource();
  const pair = await source();
  // A source returning the wrong size would otherwise surface later as a confusing Z85 length error.
  if (pair.publicKey.length !== 32 || pair.secretKey.length !== 32) {
    throw new Error(
      `generateCurveCert: keypair source returned a ${pair.publicKey.length}-byte public key and a ` +
        `${pair.secretKey.length}-byte secret key; CURVE keys are 32 bytes each`,
    );
  }
  const publicKey = z85Encode(pair.publicKey);
  const secretKey = z85Encode(pair.secretKey);
  const text = formatCurveCert({
    name: opts.name ?? DEFAULT_CERT_NAME,
    hostname: opts.hostname,
    publicKey,
    secretKey,
  });
  return { text, publicKey, secretKey };
}
