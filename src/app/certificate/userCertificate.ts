/**
 * The pasted certificate, checked as Flux reads it. Shared by the panel (to show the problems) and
 * the app (to pass only a certificate the brokers will load to the generator).
 */
import { readCurveCert, type CertProblem } from '../../core/page.ts';

export type UserCertCheck =
  | { state: 'empty' }
  | { state: 'valid'; publicKey: string }
  | { state: 'invalid'; problems: CertProblem[] };

export function checkUserCertificate(text: string): UserCertCheck {
  if (text.trim() === '') return { state: 'empty' };
  const result = readCurveCert(text);
  return result.ok ? { state: 'valid', publicKey: result.publicKey } : { state: 'invalid', problems: result.problems };
}

/**
 * The certificate to generate with (`GenerateOptions.certificate`), or undefined to use the
 * generated keypair: a broken certificate in the ConfigMap would stop every broker.
 */
export function usableUserCertificate(text: string): string | undefined {
  return checkUserCertificate(text).state === 'valid' ? text : undefined;
}
