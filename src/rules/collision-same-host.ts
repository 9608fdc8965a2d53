/**
 * `collision/same-host`: two different services bound to one port on one machine. Only
 * statements that hold a host port count (model/occupancy.ts); the plan and the registry's
 * "Not deployed" group bind no machine, and different hosts never collide (seed: `3023` is
 * mana-crawler on the Mac Mini and mana-image-gen on the GPU server, which is fine), and
 * neither do two independent compose projects (model/scopes.ts), each started on its own.
 */
import { DEV_HOST } from '../core/statements.js';
import { byLocation, describePlace, nameList, relatedBinding } from './evidence.js';
import { groupBy } from '../core/group-by.js';
import { holdsHostPort } from '../model/occupancy.js';
import { placeKey, serviceOf } from '../model/views.js';
import { defineRule } from './rule.js';
import { quote } from '../core/quote.js';

/** The rule's messages: what was found, and what was expected. */
const messages = {
  collides: (d: { port: number; subject: string; others: string[]; place: string }) =>
    `Port ${quote(d.port)} of ${quote(d.subject)} collides with ${nameList(d.others)} on ${d.place}; expected one service per port on a host.`,
};

/** `collision/same-host`: Two services bind the same port on the same host. */
export const collisionSameHost = defineRule({
  meta: {
    id: 'collision/same-host',
    description: 'Two services bind the same port on the same host.',
    defaultSeverity: 'error',
    fixable: false,
  },
  messages,
  check(model, report) {
    const claims = model.bindings.filter((b) => holdsHostPort(b)).sort(byLocation);
    for (const group of groupBy(claims, (b) => `${placeKey(b.host, b.scope)}\0${b.port}`).values()) {
      const services = [...new Set(group.map((b) => serviceOf(model, b)))].sort();
      if (services.length < 2) continue;
      const { host, port, scope } = group[0]!;
      // The lexicographically last service is the subject, so the message reads the same every run.
      const subject = services[services.length - 1]!;
      const primary = group.find((b) => serviceOf(model, b) === subject)!;
      const others = services.filter((s) => s !== subject);
      report({
        message: messages.collides({ port, subject, others, place: describePlace(host, scope) }),
        location: primary.location,
        related: group.filter((b) => b !== primary).map((b) => relatedBinding(b)),
        // The place and the port: a service joining or leaving the collision changes this finding.
        key: `${host}|${port}${scope === undefined ? '' : `|${scope}`}`,
        severity: host === DEV_HOST ? 'warning' : 'error',
      });
    }
  },
});
