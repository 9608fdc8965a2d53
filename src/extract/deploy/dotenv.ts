/**
 * `.env` files (`.env`, `.env.local`, `.env.example`...): `PORT=3024` binds the owning service
 * on the file's host (the developer's machine unless the path names one); URL values
 * (`AUTH_URL=http://localhost:3061`) are references, listen addresses (`KAFKA_LISTENERS`,
 * `BIND=0.0.0.0:8080`) bindings, allow lists (`CORS_ORIGINS`) neither. The dotenv syntax
 * itself is read by collect/dotenv.ts, which discovery also uses for the root `.env`.
 */
import { dotenvEntries } from '../../collect/dotenv.js';
import type { Extractor } from '../extractor.js';
import type { Mapped } from '../../core/mapped.js';
import { DeployOutput } from './output.js';
import { interpolate } from './interpolate.js';
import { readEnvAddresses } from './env-addresses.js';

/** True for `.env` and `.env.<anything>`. */
function isDotenv(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === '.env' || name.startsWith('.env.');
}

/** Reads `.env` files. */
export const dotenvExtractor: Extractor = {
  id: 'env',
  accepts: isDotenv,
  prefilter: (text) => text.includes('='),
  extract(file) {
    const out = new DeployOutput(file, 'env', { runtime: 'process', mirrorsDefault: true });
    const last = new Map<string, { key: string; value: Mapped }>();
    for (const e of dotenvEntries(file.text)) {
      // `${VAR:-default}` expands from earlier lines, as compose and dotenv-expand do.
      const value = e.quote === "'" ? e.value : interpolate(e.value, (name) => last.get(name)?.value).value;
      last.set(e.key, { key: e.key, value });
    }
    for (const e of last.values()) {
      if (e.key === 'PORT') {
        if (e.value.value === '') continue;
        const hit = out.port(e.value, 0, e.value.value.length, `${file.path} PORT`);
        if (hit) out.bind(file.service, hit, { via: 'PORT=', network: 'host' });
        continue;
      }
      // Listen addresses bind, allow lists are skipped, URLs are references (./env-addresses.ts).
      readEnvAddresses(e.key, { value: e.value, unresolved: [] }, out, { service: file.service, network: 'host' });
    }
    return out.extraction;
  },
};
