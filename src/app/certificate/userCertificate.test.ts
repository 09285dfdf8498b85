import { describe, expect, it } from 'vitest';
import { TEST_KEYS, testCertificate } from '../../core/testing/testKeys.ts';
import { readCurveCert } from '../../core/index.ts';
import { checkUserCertificate, loadCertificateReader, loadedCertificateReader, usableUserCertificate } from './userCertificate.ts';

const { publicKey: PUBLIC, secretKey: SECRET } = TEST_KEYS;
const CERT = testCertificate('x-0');

describe('user certificate', () => {
  it('is empty when nothing (or only whitespace) is pasted', () => {
    expect(checkUserCertificate('', readCurveCert)).toEqual({ state: 'empty' });
    expect(checkUserCertificate(' \n\t\n', readCurveCert)).toEqual({ state: 'empty' });
    expect(usableUserCertificate('', readCurveCert)).toBeUndefined();
  });

  it('is valid for a certificate Flux reads, and then used as written', () => {
    expect(checkUserCertificate(CERT, readCurveCert)).toEqual({ state: 'valid', publicKey: PUBLIC });
    expect(usableUserCertificate(CERT, readCurveCert)).toBe(CERT);
  });

  it('lists problems with their line and column, and is then not used', () => {
    const broken = CERT.replace(`secret-key = "${SECRET}"`, `secret-key = "${SECRET.slice(0, 39)}"`);
    const check = checkUserCertificate(broken, readCurveCert);
    expect(check.state).toBe('invalid');
    const problems = check.state === 'invalid' ? check.problems : [];
    expect(problems[0]).toMatchObject({ line: 10, column: 19, message: expect.stringContaining('39 characters') });
    expect(usableUserCertificate(broken, readCurveCert)).toBeUndefined();
  });

  it('is "checking" until the reader has loaded, which then reads the same certificate', async () => {
    expect(loadedCertificateReader()).toBeUndefined();
    expect(checkUserCertificate(CERT, loadedCertificateReader())).toEqual({ state: 'checking' });
    expect(usableUserCertificate(CERT, loadedCertificateReader())).toBeUndefined();
    const read = await loadCertificateReader();
    expect(loadedCertificateReader()).toBe(read);
    expect(checkUserCertificate(CERT, read)).toEqual({ state: 'valid', publicKey: PUBLIC });
  });
});
