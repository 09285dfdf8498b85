/**
 * The CURVE certificate the generated objects carry (in the entrypoint ConfigMap, or in the
 * Secret `NAME-curve` with the certificate-in-a-Secret output option): which one is used, where
 * its secret ends up, and a way to bring one's own. Flux brokers only talk to peers holding the same certificate,
 * so this is the one secret in the generated objects.
 */
import { useDeferredValue, useEffect, useId, useMemo, useState, memo } from 'react';
import type { CurveKeys } from '../../core/page.ts';
import { checkUserCertificate, loadCertificateReader, loadedCertificateReader } from './userCertificate.ts';
import './certificate.css';

export interface CertificatePanelProps {
  /** The generated keypair (Z85); undefined while libsodium loads. */
  keys: CurveKeys | undefined;
  /** Button "New certificate". */
  onNewCertificate(): void;
  /** A pasted certificate ('' for none). */
  userCertificate: string;
  onUserCertificateChange(text: string): void;
  /** spec.flux.curveCert is set: that certificate wins over both of ours. */
  specHasCurveCert: boolean;
  /** metadata.name, to name the ConfigMap; a placeholder is shown without it. */
  clusterName?: string;
  /**
   * The generated object that holds the certificate, as the output shows it; `null` when none
   * does (the spec names a Secret of its own); undefined before the first output, when
   * `certInSecret` and `clusterName` say where it will go.
   */
  certificateIn?: { kind: string; name: string } | null;
  /** The certificate-in-a-Secret output option is on. */
  certInSecret?: boolean;
}

/** Where the secret key goes: the output's own answer, or what the options and the name say. */
function certificateHolder({ certificateIn, certInSecret, clusterName }: Pick<CertificatePanelProps, 'certificateIn' | 'certInSecret' | 'clusterName'>) {
  if (certificateIn !== undefined) return certificateIn;
  const name = clusterName || 'NAME';
  return certInSecret ? { kind: 'Secret', name: `${name}-curve` } : { kind: 'ConfigMap', name: `${name}-entrypoint` };
}

function CertificatePanelImpl({
  keys,
  onNewCertificate,
  userCertificate,
  onUserCertificateChange,
  specHasCurveCert,
  clusterName,
  certificateIn,
  certInSecret = false,
}: CertificatePanelProps) {
  const id = useId();
  // The reader checks the keypair with X25519; let typing stay ahead of it.
  const deferredCertificate = useDeferredValue(userCertificate);
  const [reader, setReader] = useState(loadedCertificateReader);
  const wantsReader = deferredCertificate.trim() !== '' && !reader;
  useEffect(() => {
    if (!wantsReader) return undefined;
    let current = true;
    void loadCertificateReader().then((read) => current && setReader(() => read));
    return () => {
      current = false;
    };
  }, [wantsReader]);
  const check = useMemo(() => checkUserCertificate(deferredCertificate, reader), [deferredCertificate, reader]);
  // Uncontrolled after the first render, so clearing the text does not snap the disclosure shut.
  const [ownOpen, setOwnOpen] = useState(userCertificate !== '');
  const userCertUsed = check.state === 'valid' && !specHasCurveCert;
  const holder = certificateHolder({ certificateIn, certInSecret, clusterName });
  // "the ConfigMap", "the Secret": where a certificate that is used goes.
  const holderKind = holder?.kind ?? (certInSecret ? 'Secret' : 'ConfigMap');

  let generatedStatus: string | undefined;
  if (specHasCurveCert) generatedStatus = 'Not used: the spec sets flux.curveCert.';
  else if (userCertUsed) generatedStatus = 'Not used: your own certificate below is used.';

  return (
    <section className="mcs-cert" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mcs-cert__title">
        CURVE certificate
      </h2>
      <p className="mcs-cert__intro">
        Flux brokers encrypt and authenticate their traffic with a CURVE keypair; every pod gets the same certificate.
      </p>

      {specHasCurveCert && (
        <p className="mcs-cert__notice" role="note">
          The spec sets <code>spec.flux.curveCert</code>, so that certificate goes into the {holderKind} instead of
          the keypair generated here or one pasted below.
        </p>
      )}

      <div className="mcs-cert__generated" aria-busy={keys ? undefined : true}>
        <h3 className="mcs-cert__label">
          Generated public key
        </h3>
        <div className="mcs-cert__key-row">
          {keys ? (
            <code className="mcs-cert__key">{keys.publicKey}</code>
          ) : (
            <span className="mcs-cert__key mcs-cert__key--pending">Generating a keypair…</span>
          )}
          <button type="button" className="mcs-cert__button" onClick={onNewCertificate} disabled={!keys}>
            New certificate
          </button>
        </div>
        {generatedStatus && <p className="mcs-cert__status">{generatedStatus}</p>}
      </div>

      <ul className="mcs-cert__facts">
        <li>
          {holder === null ? (
            <>
              No generated object holds the certificate: the spec names a Secret of its own (
              <code>flux.curveCertSecret</code>), which you create.
            </>
          ) : holder.kind === 'Secret' ? (
            <>
              The secret key is written into the <code>{holder.name}</code> Secret (key <code>curve.cert</code>), not
              into a ConfigMap; the pods mount it read-only, and only those allowed to read Secrets in the namespace can
              read it.
            </>
          ) : (
            <>
              The secret key is written into the <code>{holder.name}</code> {holder.kind}, so anyone who can read
              ConfigMaps in the namespace can read it (and join the cluster&rsquo;s brokers). Where that is too wide, turn
              on &ldquo;Certificate in a Secret&rdquo; under Output options.
            </>
          )}
        </li>
        <li>
          The secret key never leaves this page: it is not put in share links, not saved in the browser, and not sent
          anywhere. It leaves only in the objects you copy or download.
        </li>
      </ul>

      <details className="mcs-cert__own" open={ownOpen} onToggle={(event) => setOwnOpen(event.currentTarget.open)}>
        <summary className="mcs-cert__summary">Use my own certificate</summary>
        <div className="mcs-cert__own-body">
          <label htmlFor={`${id}-own`} className="mcs-cert__label">
            Your CURVE certificate
          </label>
          <p id={`${id}-own-hint`} className="mcs-cert__hint">
            Paste a certificate made by <code>flux keygen</code> (a <code>curve</code> section with{' '}
            <code>public-key</code> and <code>secret-key</code>). It is checked as Flux reads it, and kept only in this
            page.
          </p>
          <textarea
            id={`${id}-own`}
            className="mcs-cert__textarea"
            value={userCertificate}
            onChange={(event) => onUserCertificateChange(event.target.value)}
            aria-describedby={`${id}-own-hint ${id}-own-check`}
            aria-invalid={check.state === 'invalid' ? true : undefined}
            rows={11}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            wrap="off"
          />
          <div id={`${id}-own-check`} className="mcs-cert__check" aria-live="polite">
            {check.state === 'valid' && (
              <p className="mcs-cert__ok">
                <span aria-hidden="true">✓ </span>
                {specHasCurveCert
                  ? 'This certificate is valid, but the spec’s flux.curveCert is used instead.'
                  : `This certificate is valid and will be used in the generated ${holderKind}.`}
                <span className="mcs-cert__ok-key">
                  Its public key: <code>{check.publicKey}</code>
                </span>
              </p>
            )}
            {check.state === 'checking' && <p>Checking the certificate…</p>}
            {check.state === 'invalid' && (
              <>
                <p className="mcs-cert__error-title">
                  {check.problems.length === 1 ? 'One problem' : `${check.problems.length} problems`}; the generated
                  keypair is used until they are fixed:
                </p>
                <ul className="mcs-cert__problems">
                  {check.problems.map((problem, index) => (
                    <li key={index}>
                      <span className="mcs-cert__pos" aria-hidden="true">
                        {problem.line}:{problem.column}
                      </span>
                      <span className="mcs-visually-hidden">
                        Line {problem.line}, column {problem.column}:
                      </span>{' '}
                      {problem.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </div>
      </details>
    </section>
  );
}

export const CertificatePanel = memo(CertificatePanelImpl);
