/** Known-answer CURVE keypairs published by libzmq, flux-core, CZMQ and the Flux Operator, shared by the tests. */
export interface CurvePairVector {
  source: string;
  public: string;
  secret: string;
}

export const CURVE_PAIRS: readonly CurvePairVector[] = [
  { source: 'libzmq zmq_curve client', public: 'Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID', secret: 'D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs' },
  { source: 'libzmq zmq_curve server', public: 'rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7', secret: 'JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6' },
  { source: 'flux-core PAIR1', public: 'FYFE.@650VuUqRGygAtG.RC$A<cid63q(WEnR+&y', secret: '^Oto<5V$^d/V}kj6^Q[LRwdgAY5K3gE{gN2+1ox)' },
  { source: 'flux-core PAIR2', public: 'Viyg(M7U*Q6ZI=D6(q?]amgXrQ{[IQnEY{IF5*X)', secret: '7F)3@>MGW.+)..qc)8R#lfL31*^QX<GXufgpVtbA' },
  { source: 'czmq zcert sample', public: '8)TKx/<plQR>gO0.HCH/AsS3n[QeKMOy@}$)=GVu', secret: '225YW{2q$:dqH]7cCbZW4a-}5Al/)0vkb>cE)o}Z' },
  { source: 'flux-operator helper-clients sample', public: '[@WjAzG&(B:Yf84Ge/#MrQ89N[]AtCL/v*(R7P2y', secret: 'h^Qx2ID84@uQQpy5u+@lJ-yv!O9vRrDX{up^<CxI' },
];

/** flux-core's "mismatched keypair": PAIR1's public key with its first character changed. */
export const MISMATCHED_PAIR: CurvePairVector = {
  source: 'flux-core mismatched keypair',
  public: 'YYFE.@650VuUqRGygAtG.RC$A<cid63q(WEnR+&y',
  secret: '^Oto<5V$^d/V}kj6^Q[LRwdgAY5K3gE{gN2+1ox)',
};

export const PAIR1 = CURVE_PAIRS[2]!;
export const PAIR2 = CURVE_PAIRS[3]!;
export const CZMQ_SAMPLE = CURVE_PAIRS[4]!;
