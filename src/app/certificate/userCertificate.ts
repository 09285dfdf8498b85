/**
 * The pasted certificate, checked as Flux reads it. Shared by the panel (to show the problems) and
 * the app (to pass only a certificate the brokers will load to the generator).
 *
 * The reader comes with the core, loaded on first use: it checks the keypair with an X25519
 * library that the first screen does not need (nothing is pasted at startup, and the certificate
 * is never saved), so it stays out of the page's initial JavaScript.
 */
import type { CertProblem } from '../../core/page.ts';

type ReadCurveCert = typeof import('../../core/index.ts').readCurveCert;

export type UserCertCheck =
  | { state: 'empty' }
  /** Not read yet: the reader is loading. */
  | { state: 'checking' }
  | { state: 'valid'; publicKey: string }
  | { state: 'invalid'; problems: CertProblem[] };

let reader: ReadCurveCert | undefined;
let loading: Promise<ReadCurveCert> | undefined;

/** The certificate reader, loaded once. */
export function loadCertificateReader(): Promise<ReadCurveCert> {
  loading ??= import('../../core/index.ts').then((core) => (reader = core.readCurveCert));
  return loading;
}

/** The reader if it has loaded, else undefined. */
export function loadedCertificateReader(): ReadCurveCert | undefined {
  return reader;
}

export function checkUserCertificate(text: string, read: ReadCurveCert | undefined): UserCertCheck {
  if (text.trim() === '') return { state: 'empty' };
  if (!read) return { state: 'checking' };
  const result = read(text);
  return result.ok ? { state: 'valid', publicKey: result.publicKey } : { state: 'invalid', problems: result.problems };
}

/**
 * The certificate to generate with (`GenerateOptions.certificate`), or undefined to use the
 * generated keypair: a broken certificate in the ConfigMap would stop every broker.
 */
export function usableUserCertificate(text: string, read: ReadCurveCert | undefined): string | undefined {
  return checkUserCertificate(text, read).state === 'valid' ? text : undefined;
}
