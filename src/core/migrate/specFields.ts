/**
 * Spec-level fields of v1alpha1 that v1alpha2 dropped or whose default changed.
 */
import type { YAMLMap } from 'yaml';
import type { PathSegment } from '../diagnostics.ts';
import { pathOfText } from '../common/analyze.ts';
import { API_VERSION, DEFAULT_VIEW_IMAGE } from '../v1alpha2/schema.ts';
import { asRecord, asText, type Migration, type Plain } from './context.ts';
import { effectivePair, insertBefore, mapUnder, newMap, newPair, removeKey } from '../edit/yamlDocument.ts';
import { quote } from '../common/quoteText.ts';

/** v1alpha1's Service name when network.headlessName is not given. */
const V1_HEADLESS_NAME = 'flux-service';

const REST_ADVICE =
  'To keep a REST API, run flux-restful-api yourself: for example give the Flux container launcher: true and a command that starts uvicorn (as in the v1alpha2 example interactive/flux-restful), or run it in a sidecar container.';

export function dropRestAndUsers(m: Migration, spec: YAMLMap, plainSpec: Plain): void {
  if (effectivePair(spec, 'fluxRestful')) {
    removeKey(spec, 'fluxRestful');
    m.note(['spec', 'fluxRestful'], 'dropped', `fluxRestful is gone in v1alpha2, which has no built-in Flux RESTful API server. ${REST_ADVICE}`);
  }
  if (effectivePair(spec, 'users')) {
    const names = (Array.isArray(plainSpec['users']) ? plainSpec['users'] : []).map((u) => asText(asRecord(u)?.['name'])).filter(Boolean);
    removeKey(spec, 'users');
    m.note(['spec', 'users'], 'dropped', `users is gone in v1alpha2, which creates no Linux or REST API users${names.length > 0 ? ` (here: ${names.join(', ')})` : ''}. Create them in the image, or with useradd in the runner's commands.pre.`);
  }
}

export function migrateFluxSpec(m: Migration, spec: YAMLMap, plainSpec: Plain): void {
  const flux = mapUnder(spec, 'flux');
  const plainFlux = asRecord(plainSpec['flux']);
  if (!flux || !plainFlux) return;
  const path: PathSegment[] = ['spec', 'flux'];
  const drops: [string, string][] = [
    ['installRoot', `installRoot is gone in v1alpha2: Flux is copied into every pod from the view image (flux.container.image) and mounted at flux.container.mountPath (default /mnt/flux). If the application image must use its own Flux, set flux.container.disable: true and make sure flux is on its PATH.`],
    ['curveCertSecret', 'curveCertSecret is gone in v1alpha2. Put the certificate text itself in flux.curveCert (the curve.cert key of that Secret), or leave it out to get a generated certificate.'],
    ['mungeSecret', 'mungeSecret has no effect in v1alpha2 (Flux runs without munge there), so it is left out.'],
  ];
  for (const [key, message] of drops) {
    if (!effectivePair(flux, key)) continue;
    removeKey(flux, key);
    m.note([...path, key], 'dropped', message);
  }
  if (asText(plainFlux['brokerConfig'])) {
    m.note([...path, 'brokerConfig'], 'changed', 'v1alpha2 keeps the Flux files elsewhere, so check the paths in this broker.toml: the resource file is MOUNT/config/etc/flux/system/R, the certificate MOUNT/config/curve/curve.cert and the archive MOUNT/config/var/lib/flux/job-archive.sqlite (MOUNT is flux.container.mountPath, default /mnt/flux); the [exec] imp path does not exist in the view.');
  }
}

/** v1alpha1's CRD turned strict mode on whenever `logging:` was written; v1alpha2 defaults it to false. */
export function keepStrictDefault(m: Migration, spec: YAMLMap, plainSpec: Plain): void {
  const logging = mapUnder(spec, 'logging');
  if (!logging || asRecord(plainSpec['logging'])?.['strict'] !== undefined) return;
  logging.items.push(newPair(m.doc, 'strict', true));
  m.note(['spec', 'logging'], 'changed', 'strict: true was added: v1alpha1 ran the scripts in strict mode (set -eEu -o pipefail) whenever logging was given, while v1alpha2 defaults strict to false. Remove it to take the v1alpha2 default.');
}

/**
 * The headless Service was `flux-service` by default and is the MiniCluster's name in v1alpha2.
 * Host names written into the spec (NAME-0.flux-service.NS.svc.cluster.local) only keep working
 * with the old name, so it is written out when the spec uses it.
 */
export function keepHeadlessName(m: Migration, spec: YAMLMap, plainSpec: Plain, name: string): void {
  if (asText(asRecord(plainSpec['network'])?.['headlessName'])) return;
  const usedAt = pathOfText(plainSpec, /\bflux-service\b/, ['spec']);
  if (!usedAt) {
    m.note(['spec'], 'changed', `The headless Service and the pods' DNS subdomain are now named ${quote(name || 'NAME')} (the MiniCluster name) instead of ${V1_HEADLESS_NAME}; set spec.network.headlessName: ${V1_HEADLESS_NAME} if something outside this spec uses host names such as ${name || 'NAME'}-0.${V1_HEADLESS_NAME}.NAMESPACE.svc.cluster.local.`);
    return;
  }
  const network = mapUnder(spec, 'network');
  if (network) network.items.push(newPair(m.doc, 'headlessName', V1_HEADLESS_NAME));
  else {
    removeKey(spec, 'network');
    insertBefore(spec, 'containers', newPair(m.doc, 'network', newMap(m.doc, { headlessName: V1_HEADLESS_NAME })));
  }
  m.note(usedAt, 'changed', `network.headlessName: ${V1_HEADLESS_NAME} was added: v1alpha2 names the headless Service after the MiniCluster by default, and this spec uses host names with ${V1_HEADLESS_NAME}, v1alpha1's default.`);
}

/** v1alpha1 sidecar start scripts ran the command at once; v1alpha2 ones first wait for the Flux socket. */
export function keepSidecarsFromWaiting(m: Migration, spec: YAMLMap, plainSpec: Plain, sidecarPath: PathSegment[]): void {
  if (asRecord(plainSpec['flux'])?.['noWaitSocket'] !== undefined) return;
  const flux = mapUnder(spec, 'flux');
  if (flux) flux.items.push(newPair(m.doc, 'noWaitSocket', true));
  else {
    removeKey(spec, 'flux');
    insertBefore(spec, 'containers', newPair(m.doc, 'flux', newMap(m.doc, { noWaitSocket: true })));
  }
  m.note(sidecarPath, 'changed', 'flux.noWaitSocket: true was added: v1alpha2 sidecar start scripts wait for the Flux broker socket before running the command, which v1alpha1 did not do. Remove it if the sidecar should wait for Flux.');
}

/** Notes on how the Flux runner container behaves differently, which no field can carry over. */
export function runnerNotes(m: Migration, plainSpec: Plain, runner: Plain, path: PathSegment[]): void {
  if (!asText(runner['command']) && plainSpec['interactive'] !== true) {
    m.note(path, 'changed', `Without a command and without interactive: true, v1alpha1 started the Flux RESTful API server in this container. v1alpha2 has no such mode: the lead broker just starts and waits, as with interactive. ${REST_ADVICE}`);
  }
  const viewImage = asText(asRecord(asRecord(plainSpec['flux'])?.['container'])?.['image']) ?? DEFAULT_VIEW_IMAGE;
  m.note([...path, 'image'], 'changed', `In ${API_VERSION} the pods get Flux from an init container that copies it from a view image (spec.flux.container.image, here ${viewImage}); Flux installed in this image is still found first on the PATH. Pick the view image that matches this image's OS (ubuntu noble, jammy, focal or rocky 8, 9), or set flux.container.disable: true to use only the image's own Flux.`);
}
