export { Z85_ALPHABET, Z85_KEY_LENGTH, isZ85Char, isZ85Key, z85Decode, z85Encode, z85Value } from './z85.ts';
export { curvePublicKey } from './publicKey.ts';
export { publicKeyFromSecret, sodiumKeypairSource } from './keypair.ts';
export type { CurveKeypair, KeypairSource } from './keypair.ts';
export {
  CERT_GENERATED_ON,
  DEFAULT_CERT_NAME,
  formatCurveCert,
  generateCurveCert,
} from './zcert.ts';
export type { CurveCertFields, GenerateCurveCertOptions, GeneratedCurveCert } from './zcert.ts';
export { formatCertProblem, readCurveCert } from './certReader.ts';
export type { CertProblem, CurveCertReadResult } from './certReader.ts';
export { MAX_CERT_LINE_BYTES, isCertKeyChar, isCertValueChar } from './zpl.ts';
