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
