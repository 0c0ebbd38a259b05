/** How the container is run, as compose files, Kubernetes manifests and the config say. */
import type { RuntimeSettings } from '../model/model.js';
import type { SourceLocation } from '../types.js';

/** A compose service or a Kubernetes container that runs the image built from the Dockerfile. */
export interface Deployment {
  kind: 'compose' | 'kubernetes';
  /** `api` (compose), `Deployment/api container web` (Kubernetes). */
  name: string;
  /** Prefix of its findings: `compose service "api"`, `Kubernetes Deployment "api", container "web"`. */
  label: string;
  /** The service key or the container entry: where its own findings are reported. */
  loc: SourceLocation;
  /** Only what it sets itself; unset means the image's own (ENTRYPOINT, CMD, STOPSIGNAL, no init). */
  settings: RuntimeSettings;
  notes: string[];
}

export interface RuntimeContext {
  /** Applied to the image's own verdict: the config's runtime settings, and what every deployment found agrees on. */
  image: RuntimeSettings;
  deployments: Deployment[];
  /** For --explain: what was searched and what could not be read. */
  notes: string[];
}
