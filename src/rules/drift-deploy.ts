/**
 * `drift/deploy`: on one host, a service's deploy files disagree about the port it listens
 * on: compose `environment: PORT` against the Dockerfile's `EXPOSE`/`ENV PORT`/`--port`, a
 * compose mapping's container side against `PORT`, a plist against compose, a runner script
 * against the default it overrides.
 *
 * A Dockerfile describes an image, not a machine: its bindings apply to its own host
 * (usually `dev`) and to every host where the service has compose bindings. A source default
 * joins the comparison only on a host where a process is run directly (plist, runner script,
 * env file), because that is the default such a file overrides; container ports may differ
 * from the dev default by design.
 */
import type { Binding } from '../model/types.js';
import { byLocation, describeSource, distinct, groupBy } from './evidence.js';
import { COMPOSE_SOURCE, DOCKERFILE_SOURCE, isMachineHost, listenPort, serviceOf } from './selectors.js';
import { defineRule } from './rule.js';

/** A listen-port statement: the binding that made it and the port it claims, on a host. */
interface Statement {
  binding: Binding;
  port: number;
  host: string;
}

/** `drift/deploy`: A service's deploy files disagree about its listen port on one host. */
export const driftDeploy = defineRule({
  id: 'drift/deploy',
  description: "A service's deploy files disagree about its listen port on one host.",
  defaultSeverity: 'warning',
  check(model, report) {
    for (const [service, own] of groupBy(model.bindings, (b) => serviceOf(model, b))) {
      const deploy = own.filter((b) => b.kind === 'deploy' && isMachineHost(b.host)).sort(byLocation);
      const composeHosts = new Set(deploy.filter((b) => b.source === COMPOSE_SOURCE).map((b) => b.host));
      const statements: Statement[] = [];
      for (const b of deploy) {
        const port = listenPort(b);
        if (port === undefined) continue;
        const hosts = b.source === DOCKERFILE_SOURCE ? new Set([b.host, ...composeHosts]) : [b.host];
        for (const host of hosts) statements.push({ binding: b, port, host });
      }
      for (const [host, onHost] of groupBy(statements, (s) => s.host)) {
        const direct = onHost.some((s) => s.binding.network !== 'container' && s.binding.containerPort === undefined && s.binding.source !== DOCKERFILE_SOURCE);
        const all = direct
          ? [...onHost, ...own.filter((b) => b.kind === 'source-default' && b.host === host).map((b) => ({ binding: b, port: b.port, host }))]
          : onHost;
        const ports = distinct(all.map((s) => s.port));
        if (ports.length < 2) continue;
        // "Expected" is the default a direct run overrides, else the port most statements agree on.
        // The finding belongs on a deploy file, so the first deploy statement that dissents carries it.
        const count = (p: number) => all.filter((s) => s.port === p).length;
        const fromDefault = all.find((s) => s.binding.kind === 'source-default')?.port;
        const expected = fromDefault ?? [...ports].sort((a, b) => count(b) - count(a) || all.findIndex((s) => s.port === a) - all.findIndex((s) => s.port === b))[0]!;
        const primary = all.find((s) => s.port !== expected && s.binding.kind === 'deploy') ?? all.find((s) => s.port !== expected)!;
        const agree = all.find((s) => s.port === expected)!;
        const where = (s: Statement) => `${s.binding.location.file} ${s.binding.via ?? s.binding.source}`;
        report({
          message: `\`${service}\` listens on \`${primary.port}\` on host \`${host}\` per ${where(primary)}, but ${where(agree)} says \`${expected}\`; expected its deploy files to agree on one port.`,
          location: primary.binding.location,
          related: all.filter((s) => s !== primary).map((s) => ({ location: s.binding.location, message: `\`${service}\` listens on ${s.port} here (${describeSource(s.binding)})` })),
          key: `${service}|${host}|${ports.join(',')}`,
        });
      }
    }
  },
});
