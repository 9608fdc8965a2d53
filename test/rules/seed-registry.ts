/**
 * The seed registry (`shared/seed/PORT_SCHEMA.md`) as data, with its real line numbers:
 * the parts the rules' tricky cases come from. Built by hand so these tests do not depend
 * on the registry parser.
 */
import type { RegistryDoc } from '../../src/core/registry.js';
import { REGISTRY, actual, at, notDeployed, registry, row, section } from './model-builder.js';

const corr = (port: number, service: string, line: number) => ({ port, service, location: at(REGISTRY, line, 10, 4 + 1 + service.length) });

/** The seed registry; `aspirational` as the document says ("PARTIALLY ASPIRATIONAL"). */
export function seedRegistry(aspirational = true): RegistryDoc {
  return registry({
    aspirational,
    sections: [
      section('3000-3009', 'Core Platform Services', 55, [
        row('3001', 'mana-auth', 59), row('3002', 'mana-credits', 60), row('3003', 'mana-subscriptions', 61),
        row('3004', 'mana-user', 62), row('3005', 'mana-analytics', 63), row('3006-3009', undefined, 64),
      ]),
      section('3010-3019', 'Core Infrastructure Services', 66, [
        row('3010', 'mana-sync', 70), row('3011', 'mana-media', 71), row('3012', 'mana-search', 72), row('3013', 'mana-notify', 73),
        row('3014', 'mana-crawler', 74), row('3015', 'mana-landing-builder', 75), row('3016', 'mana-api-gateway', 76), row('3017-3019', undefined, 77),
      ]),
      section('3020-3029', 'AI/ML Services', 79, [
        row('3020', 'mana-llm', 83), row('3021', 'mana-stt', 84), row('3022', 'mana-tts', 85), row('3023', 'mana-image-gen', 86),
        row('3024', 'mana-voice-bot', 87), row('3025-3029', undefined, 88),
      ]),
      section('3030-3059', 'App Compute Servers', 90, [row('3030', 'chat-server', 97), row('3040', 'presi-server', 107), row('3041-3059', undefined, 108)]),
      section('4000-4099', 'Misc', 110, [row('4400', 'landings', 114)]),
      section('5000-5059', 'Web Frontends (SvelteKit)', 116, [
        row('5000', 'mana-web', 120), row('5010', 'chat-web', 121, { correspondsTo: corr(3030, 'chat-server', 121) }),
        row('5016', 'presi-web', 127, { correspondsTo: corr(3040, 'presi-server', 127) }), row('5030-5049', undefined, 141),
      ]),
      section('5050-5059', 'Playground/Dev Tools', 143, [row('5050', 'llm-playground', 147)]),
      section('9000-9199', 'Infrastructure & Exporters', 163, [row('5432', 'postgres', 167), row('6379', 'redis', 168), row('9000', 'minio (S3 API)', 169)]),
      section(undefined, 'SearXNG (Internal Only)', 179, [row('8080', 'searxng', 183)]),
    ],
    actual: [
      actual('mana-stt', 3020, 12, 'windows-gpu-server'), actual('mana-tts', 3022, 13, 'windows-gpu-server'),
      actual('mana-image-gen', 3023, 14, 'windows-gpu-server'), actual('mana-llm', 3025, 15, 'windows-gpu-server'),
      actual('mana-video-gen', 3026, 16, 'windows-gpu-server'), actual('Ollama', 11434, 17, 'windows-gpu-server'),
      actual('mana-auth', 3001, 20), actual('mana-media', 3015, 21), actual('mana-search', 3021, 22), actual('mana-crawler', 3023, 24),
      actual('mana-notify', 3040, 25), actual('mana-sync', 3050, 26), actual('mana-credits', 3061, 27), actual('mana-user', 3062, 27),
      actual('mana-subscriptions', 3063, 27), actual('mana-analytics', 3064, 28), actual('mana-events', 3065, 28),
      notDeployed('mana-voice-bot', 3024, 30),
    ],
  });
}
