import { describe, expect, it } from 'vitest';
import { isNginxConfig, nginxExtractor } from '../../../src/extract/deploy/nginx.js';
import { parseNginx } from '../../../src/extract/deploy/nginx-config.js';
import { deployExtractors } from '../../../src/extract/deploy/index.js';
import { covered, refs, run, summary } from './helpers.js';

const CONF = `# listen 9999; in a comment is no port
upstream loadbalancer {
  server web1:5000 max_fails=3;
  server web2:5000;
  server unix:/tmp/app.sock;
  server 127.0.0.1:5002 backup;
}

server {
  listen 80 default_server;
  listen [::]:8443 ssl;
  server_name localhost "example.com";
  add_header X-Note "listen 7777; proxy_pass http://nowhere:1";
  location / {
    proxy_pass http://loadbalancer;
  }
  location /api {
    proxy_pass http://backend:8000/api;
  }
  location ~ \\.php$ {
    fastcgi_pass php:9000;
  }
  location /grpc {
    grpc_pass grpc://grpc-svc:50051;
  }
  location /dyn {
    proxy_pass http://$upstream_host;
    set $x "\${notavar}";
  }
}
`;

describe('nginx config grammar', () => {
  it('splits directives and blocks, keeps quoted words whole and skips comments', () => {
    const { directives, errors } = parseNginx(CONF);
    expect(errors).toEqual([]);
    expect(directives.map((d) => `${d.name}${d.block ? ` {${d.block.length}}` : ''}`)).toEqual(['upstream {4}', 'server {9}']);
    const server = directives[1]!.block!;
    expect(server.map((d) => d.name)).toEqual(['listen', 'listen', 'server_name', 'add_header', 'location', 'location', 'location', 'location', 'location']);
    expect(server[3]!.args.map((a) => a.value)).toEqual(['X-Note', 'listen 7777; proxy_pass http://nowhere:1']);
  });

  it('reports the first grammar error and keeps what came before it', () => {
    const text = 'server {\n  listen 8080;\n  location / {\n    proxy_pass http://app:3000\n  }\n}\n';
    const { directives, errors } = parseNginx(text);
    expect(errors).toEqual([{ message: 'a directive ended by `}` instead of `;`', start: text.indexOf('proxy_pass') }]);
    expect(directives[0]!.block![0]!.name).toBe('listen');
    expect(parseNginx('server {\n listen 80;\n').errors.map((e) => e.message)).toEqual(['a block with no closing `}`']);
    expect(parseNginx('listen 80;\n}\n').errors.map((e) => e.message)).toEqual(['a `}` that closes no block']);
  });

  it('keeps ${VAR} inside a word instead of opening a block', () => {
    const { directives, errors } = parseNginx('server { listen ${PORT}; listen [::]:${PORT}; }');
    expect(errors).toEqual([]);
    expect(directives[0]!.block!.map((d) => d.args[0]!.value)).toEqual(['${PORT}', '[::]:${PORT}']);
  });
});

describe('nginx config grammar on hostile shapes', () => {
  it('reads a megabyte of `${` with no closing brace, and deep nesting, quickly and without throwing', () => {
    const started = performance.now();
    expect(parseNginx('listen a' + '${a'.repeat(300_000)).errors.map((e) => e.message)).toEqual(['a directive with no `;` at the end of the file']);
    expect(parseNginx('a {'.repeat(10_000)).errors.map((e) => e.message)).toEqual(['blocks nested deeper than 64']);
    expect(parseNginx('x;'.repeat(200_000)).errors.map((e) => e.message)).toEqual(['more than 100000 directives']);
    expect(performance.now() - started).toBeLessThan(10_000); // hang guard, not a benchmark
  });
});

describe('nginx extractor', () => {
  it('reads nginx configs by path, and only those', () => {
    for (const path of ['nginx.conf', 'proxy/nginx.conf', 'nginx/default.conf', 'deploy/nginx/sites-enabled/app.conf', 'etc/conf.d/site.conf', 'src/image-provider/nginx.conf.template', '.nginx/nginx.conf'])
      expect(isNginxConfig(path), path).toBe(true);
    for (const path of ['redis.conf', 'supervisord.conf', 'nginx.yaml', 'docs/nginx.md']) expect(isNginxConfig(path), path).toBe(false);
    expect(deployExtractors.filter((e) => e.accepts('proxy/nginx.conf')).map((e) => e.id)).toEqual(['nginx']);
  });

  it('binds the server’s listen ports to the owning service, inside its container, at their digits', async () => {
    const x = await run(nginxExtractor, 'services/gateway/nginx.conf', CONF, { service: 'gateway', known: ['gateway'] });
    expect(summary(x)).toEqual(['gateway:80@dev/container listen address', 'gateway:8443@dev/container listen address']);
    expect(covered(CONF, x.bindings[1]!.location)).toBe('8443');
    expect(x.bindings[1]!.location).toMatchObject({ line: 11, column: 15 });
    expect(x.problems).toEqual([]);
  });

  it('reads upstream servers and passes with a port as references, never a pass to an upstream name or a variable', async () => {
    const x = await run(nginxExtractor, 'services/gateway/nginx.conf', CONF, { service: 'gateway', known: ['gateway'] });
    expect(refs(x)).toEqual([
      'url web1:5000 (container)',
      'url web2:5000 (container)',
      'url 127.0.0.1:5002',
      'url backend:8000 (container)',
      'url php:9000 (container)',
      'url grpc-svc:50051 (container)',
    ]);
    expect(x.references.every((r) => r.fromService === 'gateway' && r.source === 'nginx')).toBe(true);
    expect(covered(CONF, x.references[3]!.location)).toBe('8000');
  });

  it('names the service by a known directory when no service owns the file', async () => {
    const x = await run(nginxExtractor, 'nginx-golang/proxy/nginx.conf', 'server {\n  listen 80;\n  location / { proxy_pass http://backend:8080; }\n}\n', { known: ['proxy'] });
    expect(summary(x)).toEqual(['proxy:80@dev/container listen address']);
    expect(x.references.map((r) => r.fromService)).toEqual(['proxy']);
  });

  it('resolves ${VAR} of a template from the root .env, and reads nothing from a variable with no value', async () => {
    const text = 'http {\n  server {\n    listen ${IMAGE_PROVIDER_PORT};\n    listen [::]:${IMAGE_PROVIDER_PORT};\n    listen ${UNSET_PORT};\n  }\n}\n';
    const x = await run(nginxExtractor, 'src/image-provider/nginx.conf.template', text, { known: ['image-provider'], env: { IMAGE_PROVIDER_PORT: '8081' } });
    expect(summary(x)).toEqual(['image-provider:8081@dev/container listen address', 'image-provider:8081@dev/container listen address']);
    expect(x.problems).toEqual([]);
  });

  it('reports a port that is none, and a config nginx would refuse, naming the line', async () => {
    const text = 'server {\n  listen 70000;\n  location / {\n    proxy_pass http://app:3000\n  }\n}\n';
    const x = await run(nginxExtractor, 'nginx.conf', text, { known: ['nginx'] });
    expect(x.problems.map((p) => [p.ruleId, p.location.line])).toEqual([
      ['input/invalid-nginx', 4],
      ['input/invalid-port', 2],
    ]);
    expect(x.problems[0]!.message).toBe("Found a directive ended by `}` instead of `;` in nginx.conf; expected nginx's directive grammar (`name args;` or `name args { ... }`).");
  });
});
