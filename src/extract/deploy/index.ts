/** Extractors for deployment and wiring files (Dockerfile, compose, .env, shell, plist, tunnel, Prometheus, Kubernetes/Helm, .NET settings, Spring, nginx, Envoy). */
import type { Extractor } from '../extractor.js';
import { cloudflaredExtractor } from './cloudflared.js';
import { composeExtractor } from './compose.js';
import { dockerfileExtractor } from './dockerfile.js';
import { dotenvExtractor } from './dotenv.js';
import { dotnetSettingsExtractor } from './dotnet.js';
import { envoyExtractor } from './envoy.js';
import { kubernetesExtractor } from './kubernetes.js';
import { nginxExtractor } from './nginx.js';
import { packageJsonExtractor } from './package-json.js';
import { plistExtractor } from './plist.js';
import { prometheusExtractor } from './prometheus.js';
import { shellExtractor } from './shell.js';
import { springExtractor } from './spring.js';

/** Every deploy-file extractor; each reads its own paths (see its `accepts`). */
export const deployExtractors: Extractor[] = [dockerfileExtractor, composeExtractor, dotenvExtractor, shellExtractor, packageJsonExtractor, plistExtractor, cloudflaredExtractor, prometheusExtractor, kubernetesExtractor, dotnetSettingsExtractor, springExtractor, nginxExtractor, envoyExtractor];
