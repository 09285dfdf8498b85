/** A fixed keypair and certificate for tests, so generated outputs are reproducible. */
import { DEFAULT_CERT_NAME, formatCurveCert } from '../curve/index.ts';

/** libzmq's documented test server pair. */
export const TEST_KEYS = {
  publicKey: 'rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7',
  secretKey: 'JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6',
};

/** The certificate the operator's template makes from TEST_KEYS for pod `hostname`. */
export function testCertificate(hostname = 'flux-sample-0'): string {
  return formatCurveCert({ name: DEFAULT_CERT_NAME, hostname, ...TEST_KEYS });
}

/**
 * The same certificate written out line by line, as the operator's template prints it: a known
 * answer to hold `formatCurveCert` and the generators to, not computed by them.
 */
export function expectedTestCertificate(hostname = 'flux-sample-0'): string {
  return [
    '#   ****  Generated on 2023-04-26 22:54:42 by CZMQ  ****',
    '#   ZeroMQ CURVE **Secret** Certificate',
    '#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.',
    '    ',
    'metadata',
    '    name = "flux-cert-generator"',
    `    keygen.hostname = "${hostname}"`,
    'curve',
    `    public-key = "${TEST_KEYS.publicKey}"`,
    `    secret-key = "${TEST_KEYS.secretKey}"`,
    '',
  ].join('\n');
}
