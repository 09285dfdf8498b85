/** Server-rendered markup: what the panel says and how its controls are named, without a browser. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CERT_NAME, formatCurveCert } from '../../core/curve/index.ts';
import { CertificatePanel, type CertificatePanelProps } from './CertificatePanel.tsx';
import { loadCertificateReader } from './userCertificate.ts';

const KEYS = { publicKey: 'rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7', secretKey: 'JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6' };
const CERT = formatCurveCert({ name: DEFAULT_CERT_NAME, hostname: 'x-0', ...KEYS });

describe('CertificatePanel before the certificate reader has loaded', () => {
  it('says it is checking a pasted certificate, and marks nothing invalid yet', () => {
    const html = render({ userCertificate: CERT });
    expect(html).toContain('Checking the certificate…');
    expect(html).not.toContain('aria-invalid');
  });
});

function render(props: Partial<CertificatePanelProps> = {}): string {
  return renderToStaticMarkup(
    createElement(CertificatePanel, {
      keys: KEYS,
      onNewCertificate: () => undefined,
      userCertificate: '',
      onUserCertificateChange: () => undefined,
      specHasCurveCert: false,
      ...props,
    }),
  );
}

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('CertificatePanel', () => {
  beforeAll(async () => {
    await loadCertificateReader();
  });

  it('shows the public key, never the secret key, and the "New certificate" button', () => {
    const html = render({ clusterName: 'flux-sample' });
    expect(html).toContain(escaped(KEYS.publicKey));
    expect(html).not.toContain(escaped(KEYS.secretKey));
    expect(html).toMatch(/<button type="button" class="mcs-cert__button">New certificate<\/button>/);
    expect(html).toContain('<code>flux-sample-entrypoint</code> ConfigMap');
    expect(html).toContain('not put in share links');
    expect(html).toContain('<summary class="mcs-cert__summary">Use my own certificate</summary>');
  });

  it('labels the textarea "Your CURVE certificate"', () => {
    const html = render();
    const id = /<label for="([^"]+)" class="mcs-cert__label">Your CURVE certificate<\/label>/.exec(html)?.[1];
    expect(id).toBeDefined();
    expect(html).toContain(`<textarea id="${id}"`);
  });

  it('disables the button while the keypair is generated', () => {
    const html = render({ keys: undefined });
    expect(html).toContain('Generating a keypair…');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>New certificate<\/button>/);
    expect(html).toContain('NAME-entrypoint');
  });

  it('lists the problems of a pasted certificate with line:column', () => {
    const html = render({ userCertificate: 'curve\n    public-key = "short"\n' });
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(/<span class="mcs-cert__pos" aria-hidden="true">2:19<\/span><span class="mcs-visually-hidden">Line 2, column 19:<\/span> public-key has 5 characters/);
    expect(html).toContain('<details class="mcs-cert__own" open="">');
  });

  it('says a valid pasted certificate will be used, and that the generated key is not', () => {
    const html = render({ userCertificate: CERT });
    expect(html).toContain('This certificate is valid and will be used in the generated ConfigMap.');
    expect(html).toContain('Not used: your own certificate below is used.');
    expect(html).not.toContain('aria-invalid');
  });

  it('says the spec’s curveCert wins over both', () => {
    const html = render({ userCertificate: CERT, specHasCurveCert: true });
    expect(html).toContain('role="note"');
    expect(html).toContain('Not used: the spec sets flux.curveCert.');
    expect(html).toContain('the spec’s flux.curveCert is used instead');
  });

  it('says the secret key goes into the Secret NAME-curve with the certificate-in-a-Secret option', () => {
    const before = render({ clusterName: 'flux-sample', certInSecret: true });
    expect(before).toContain('<code>flux-sample-curve</code> Secret');
    expect(before).not.toContain('ConfigMap</li>');
    const shown = render({ clusterName: 'flux-sample', certificateIn: { kind: 'Secret', name: 'flux-sample-curve' }, userCertificate: CERT });
    expect(shown).toContain('<code>flux-sample-curve</code> Secret');
    expect(shown).toContain('This certificate is valid and will be used in the generated Secret.');
  });

  it('names the object the output puts the certificate in, and says when none holds it', () => {
    expect(render({ clusterName: 'old', certificateIn: { kind: 'ConfigMap', name: 'old-curve-mount' } })).toContain('<code>old-curve-mount</code> ConfigMap');
    expect(render({ clusterName: 'old', certificateIn: null })).toContain('No generated object holds the certificate');
  });
});
