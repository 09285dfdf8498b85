import { describe, expect, it } from 'vitest';
import { DEFAULT_CERT_NAME, formatCurveCert } from '../../core/curve/index.ts';
import { checkUserCertificate, usableUserCertificate } from './userCertificate.ts';

const PUBLIC = 'rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7';
const SECRET = 'JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6';
const CERT = formatCurveCert({ name: DEFAULT_CERT_NAME, hostname: 'x-0', publicKey: PUBLIC, secretKey: SECRET });

describe('user certificate', () => {
  it('is empty when nothing (or only whitespace) is pasted', () => {
    expect(checkUserCertificate('')).toEqual({ state: 'empty' });
    expect(checkUserCertificate(' \n\t\n')).toEqual({ state: 'empty' });
    expect(usableUserCertificate('')).toBeUndefined();
  });

  it('is valid for a certificate Flux reads, and then used as written', () => {
    expect(checkUserCertificate(CERT)).toEqual({ state: 'valid', publicKey: PUBLIC });
    expect(usableUserCertificate(CERT)).toBe(CERT);
  });

  it('lists problems with their line and column, and is then not used', () => {
    const broken = CERT.replace(`secret-key = "${SECRET}"`, `secret-key = "${SECRET.slice(0, 39)}"`);
    const check = checkUserCertificate(broken);
    expect(check.state).toBe('invalid');
    const problems = check.state === 'invalid' ? check.problems : [];
    expect(problems[0]).toMatchObject({ line: 10, column: 19, message: expect.stringContaining('39 characters') });
    expect(usableUserCertificate(broken)).toBeUndefined();
  });
});
