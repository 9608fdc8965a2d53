import { describe, expect, it } from 'vitest';
import { driftDeploy } from '../../src/rules/drift-deploy.js';
import { at, composeEnv, deploy, direct, dockerfile as image, fingerprints, model, run, shiftLines, source } from './model-builder.js';

const COMPOSE = 'docker-compose.macmini.yml';
const DOCKERFILE = 'services/mana-sync/Dockerfile';
const dockerfile = (port: number, line: number, via = 'EXPOSE') => image('mana-sync', port, DOCKERFILE, line, via);
const composePort = (port: number, line: number) => composeEnv('mana-sync', port, COMPOSE, line, { host: 'mac-mini' });

describe('drift/deploy', () => {
  it("reports a Dockerfile EXPOSE that disagrees with the compose PORT as a stale EXPOSE: a notice, on every place the image runs", () => {
    const m = model({ bindings: [composePort(3050, 12), dockerfile(3050, 8, 'ENV PORT'), dockerfile(3010, 9)] });
    const findings = run(driftDeploy, m);
    expect(findings.map((f) => f.message)).toEqual([
      // On mac-mini compose sides with ENV PORT; on dev (the Dockerfile's own host) the image disagrees with itself.
      "`mana-sync`'s image exposes `3010` (services/mana-sync/Dockerfile EXPOSE), but on host `mac-mini` it listens on `3050` per docker-compose.macmini.yml environment PORT; expected `EXPOSE`, which binds nothing, to name the port the service listens on.",
      "`mana-sync`'s image exposes `3010` (services/mana-sync/Dockerfile EXPOSE), but on host `dev` it listens on `3050` per services/mana-sync/Dockerfile ENV PORT; expected `EXPOSE`, which binds nothing, to name the port the service listens on.",
    ]);
    const macMini = findings[0]!;
    expect(findings.map((f) => f.severity)).toEqual(['notice', 'notice']);
    expect(macMini.location).toEqual(at(DOCKERFILE, 9, 10, 4));
    // On mac-mini the image's ENV PORT is overridden by compose, so it is no evidence there.
    expect(macMini.related).toEqual([{ location: at(COMPOSE, 12, 10, 4), message: '`mana-sync` listens on 3050 here (compose `environment PORT`)' }]);
  });

  it('says nothing of an EXPOSE whose ports the deployment all uses, though it leaves out the listen port', () => {
    // `EXPOSE 9229 9230` (debug ports) beside compose publishing 80, 9229 and 9230: nothing stale.
    const debug = model({
      bindings: [
        deploy('mana-sync', 80, COMPOSE, 10, { host: 'mac-mini', containerPort: 80 }),
        deploy('mana-sync', 9229, COMPOSE, 11, { host: 'mac-mini', containerPort: 9229 }),
        deploy('mana-sync', 9230, COMPOSE, 12, { host: 'mac-mini', containerPort: 9230 }),
        composePort(80, 13),
        dockerfile(9229, 9),
        dockerfile(9230, 9),
      ],
    });
    expect(run(driftDeploy, debug).filter((f) => f.message.includes('mac-mini'))).toEqual([]);
  });

  it("takes the Dockerfile's ENV PORT as the image's default: a compose PORT overrides it, a mapping to another port does not", () => {
    // compose `environment: PORT` wins over the image's default: nothing to report.
    const overridden = model({ bindings: [composePort(4000, 12), dockerfile(3050, 8, 'ENV PORT')] });
    expect(run(driftDeploy, overridden).filter((f) => f.message.includes('mac-mini'))).toEqual([]);
    // Without a PORT in compose the container listens on the image's 3050, but the mapping targets 3000.
    const mapped = model({ bindings: [deploy('mana-sync', 3051, COMPOSE, 10, { host: 'mac-mini', containerPort: 3000 }), dockerfile(3050, 8, 'ENV PORT')] });
    const [f] = run(driftDeploy, mapped).filter((x) => x.message.includes('mac-mini'));
    expect(f!.severity).toBe('warning');
    expect(f!.message).toBe(
      '`mana-sync` listens on `3050` on host `mac-mini` per services/mana-sync/Dockerfile ENV PORT, but docker-compose.macmini.yml ports says `3000`; expected its deploy files to agree on one port.',
    );
  });

  it("compares a compose mapping's container side with PORT, not its host side", () => {
    const agree = model({ bindings: [deploy('mana-sync', 3051, COMPOSE, 10, { host: 'mac-mini', containerPort: 3050 }), composePort(3050, 12)] });
    expect(run(driftDeploy, agree)).toEqual([]);
    const disagree = model({ bindings: [deploy('mana-sync', 3051, COMPOSE, 10, { host: 'mac-mini', containerPort: 3000 }), composePort(3050, 12)] });
    expect(run(driftDeploy, disagree)[0]!.message).toContain('`3000`');
  });

  it('compares a runner script with the source default it overrides on the same host', () => {
    const m = model({ bindings: [source('mana-stt', 3020, 5), direct('mana-stt', 3026, 'scripts/run-stt.sh', 3)] });
    const [f] = run(driftDeploy, m);
    expect(f!.message).toBe(
      '`mana-stt` runs on `3026` on host `dev` per scripts/run-stt.sh --port, but services/mana-stt/src/config.ts typescript says `3020`; expected its deploy files to agree on one port.',
    );
    expect(f!.location).toEqual(at('scripts/run-stt.sh', 3, 10, 4));
    expect(f!.related.map((r) => r.message)).toEqual(['`mana-stt` runs on 3020 here (TypeScript default)']);
  });

  it('offers the code default as the fix of an env generator value left behind by a move, unless that port is taken', () => {
    const gen = (port: number) => direct('mana-credits', port, 'scripts/generate-env.mjs', 24, { source: 'env-generator', via: "PORT of 'mana-credits' in the env generator", mirrorsDefault: true });
    const [f] = run(driftDeploy, model({ bindings: [source('mana-credits', 3061, 7), gen(3002)] }));
    expect(f!.location).toEqual(at('scripts/generate-env.mjs', 24, 10, 4));
    expect(f!.fix).toEqual({ location: at('scripts/generate-env.mjs', 24, 10, 4), text: '3061' });
    const taken = run(driftDeploy, model({ bindings: [source('mana-credits', 3061, 7), gen(3002), source('mana-user', 3061, 3)] }));
    expect(taken[0]!.fix).toBeUndefined();
    // A runner script may run the service elsewhere on purpose: reported, not fixed.
    const script = run(driftDeploy, model({ bindings: [source('mana-stt', 3020, 5), direct('mana-stt', 3026, 'scripts/run-stt.sh', 3)] }));
    expect(script[0]!.fix).toBeUndefined();
  });

  it('lets a container port differ from the dev source default, and hosts differ from each other', () => {
    const m = model({
      bindings: [
        source('mana-sync', 3010, 5),
        dockerfile(3050, 9),
        composePort(3050, 12),
        direct('mana-sync', 3099, 'scripts/windows-gpu-server/run.sh', 2, { host: 'windows-gpu-server' }),
      ],
    });
    expect(run(driftDeploy, m)).toEqual([]);
  });

  it('breaks a tie in favour of the port the code defaults to, reporting the stale EXPOSE', () => {
    const m = model({ bindings: [source('mana-sync', 3050, 1), dockerfile(3010, 2), dockerfile(3050, 3, 'ENV PORT')] });
    const [f, ...rest] = run(driftDeploy, m);
    expect(rest).toEqual([]);
    expect(f!.location).toEqual(at(DOCKERFILE, 2, 10, 4));
    expect(f!.message).toBe(
      "`mana-sync`'s image exposes `3010` (services/mana-sync/Dockerfile EXPOSE), but on host `dev` it listens on `3050` per services/mana-sync/Dockerfile ENV PORT; expected `EXPOSE`, which binds nothing, to name the port the service listens on.",
    );
    expect(f!.severity).toBe('notice');
  });

  it('lets a service expose several ports (app and metrics) as long as each list includes its listen port', () => {
    const metrics = model({ bindings: [dockerfile(3050, 8, 'ENV PORT'), dockerfile(3050, 9), dockerfile(9464, 9)] });
    expect(run(driftDeploy, metrics)).toEqual([]);
    const mapped = model({
      bindings: [
        composePort(3050, 12),
        deploy('mana-sync', 3050, COMPOSE, 10, { host: 'mac-mini', containerPort: 3050 }),
        deploy('mana-sync', 9229, COMPOSE, 11, { host: 'mac-mini', containerPort: 9229 }),
      ],
    });
    expect(run(driftDeploy, mapped)).toEqual([]);
    // Exposures alone (no PORT anywhere) are fine while they share a port.
    expect(run(driftDeploy, model({ bindings: [dockerfile(3050, 9), dockerfile(9464, 9)] }))).toEqual([]);
  });

  it('still reports an exposure list that leaves out the listen port, and lists that share none', () => {
    const stale = model({ bindings: [composePort(3050, 12), dockerfile(3010, 9), dockerfile(9464, 9)] });
    expect(run(driftDeploy, stale).map((f) => f.location.line)).toEqual([9]);
    const disjoint = model({ bindings: [dockerfile(3014, 9), deploy('mana-sync', 3023, COMPOSE, 10, { host: 'dev', containerPort: 3023 })] });
    expect(run(driftDeploy, disjoint)).toHaveLength(1);
  });

  it('keeps fingerprints when lines move', () => {
    const m = model({ bindings: [composePort(3050, 12), dockerfile(3010, 9)] });
    expect(fingerprints(run(driftDeploy, shiftLines(m, 4)))).toEqual(fingerprints(run(driftDeploy, m)));
  });

  it('compares a launchd plist with the compose host port on the same host', () => {
    const m = model({
      bindings: [
        direct('mana-notify', 3040, 'deploy/mac-mini/com.mana.notify.plist', 12, { host: 'mac-mini', source: 'launchd', via: 'PORT' }),
        deploy('mana-notify', 3041, COMPOSE, 50, { host: 'mac-mini', containerPort: 3040 }),
      ],
    });
    const [f, ...rest] = run(driftDeploy, m);
    expect(rest).toEqual([]);
    expect(f!.message).toBe('`mana-notify` runs on `3041` on host `mac-mini` per docker-compose.macmini.yml ports, but deploy/mac-mini/com.mana.notify.plist PORT says `3040`; expected its deploy files to agree on one port.');
  });

  it('does not compare a Dockerfile with a runner script or the dev default', () => {
    const sttDockerfile = image('mana-stt', 3000, 'services/mana-stt/Dockerfile', 2);
    const m = model({ bindings: [source('mana-stt', 3020, 5), sttDockerfile, direct('mana-stt', 3020, 'scripts/run-stt.sh', 3)] });
    expect(run(driftDeploy, m)).toEqual([]);
    // The same files with a disagreeing runner are reported, so the silence above is not vacuous.
    const runner = direct('mana-stt', 3021, 'scripts/run-stt.sh', 3);
    expect(run(driftDeploy, model({ bindings: [source('mana-stt', 3020, 5), sttDockerfile, runner] })).map((f) => f.message)).toEqual([
      '`mana-stt` runs on `3021` on host `dev` per scripts/run-stt.sh --port, but services/mana-stt/src/config.ts typescript says `3020`; expected its deploy files to agree on one port.',
    ]);
  });
});
