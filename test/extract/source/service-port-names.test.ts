import { describe, expect, test } from 'vitest';
import { goExtractor, javascriptExtractor, pythonExtractor, typescriptExtractor } from '../../../src/extract/source/index.js';
import { isOwnPortName } from '../../../src/extract/source/port-names.js';
import { run, span } from './support.js';

const bound = (e: Awaited<ReturnType<typeof run>>) => e.bindings.map((b) => `${b.service}:${b.port}@${span(b.location)}`);

describe('<SERVICE>_PORT names the port of the service owning the file', () => {
  test('the name rule: own name, own name + SERVICE, never another service or a database', () => {
    expect(isOwnPortName('CHECKOUT_PORT', 'checkout')).toBe(true);
    expect(isOwnPortName('PRODUCT_CATALOG_PORT', 'product-catalog')).toBe(true);
    expect(isOwnPortName('CART_SERVICE_PORT', 'cart')).toBe(true);
    expect(isOwnPortName('CART_PORT', 'cartservice')).toBe(true);
    expect(isOwnPortName('MCP_PORT', 'agent')).toBe(false);
    expect(isOwnPortName('REDIS_PORT', 'checkout')).toBe(false);
    expect(isOwnPortName('CHECKOUT_PORT')).toBe(false);
    expect(isOwnPortName('SERVICE_PORT', 'x')).toBe(false);
  });

  test('Python: os.getenv("AGENT_PORT", "8010") in agent binds; MCP_PORT there is another service\'s', async () => {
    const text = 'import os\nmcp = f"http://{os.getenv(\'MCP_HOST\', \'mcp\')}:{os.getenv(\'MCP_PORT\', \'8011\')}/mcp"\nport = int(os.getenv("AGENT_PORT", "8010"))\n';
    expect(bound(await run(pythonExtractor, text, { path: 'src/agent/agents.py', service: 'agent' }))).toEqual(['agent:8010@3:37-3:41']);
  });

  test('Node: process.env.CHECKOUT_PORT || 5050 in checkout binds, not in frontend', async () => {
    const text = 'const port = process.env.CHECKOUT_PORT || 5050;\napp.listen(port);\n';
    expect(bound(await run(javascriptExtractor, text, { path: 'src/checkout/index.js', service: 'checkout' }))).toEqual(['checkout:5050@1:43-1:47']);
    expect(bound(await run(typescriptExtractor, text, { path: 'src/frontend/client.ts', service: 'frontend' }))).toEqual([]);
  });

  test('Go: getEnv("CART_SERVICE_PORT", "7070") in cart binds', async () => {
    const text = 'package main\n\nfunc main() {\n\tport := getEnv("CART_SERVICE_PORT", "7070")\n\t_ = port\n}\n';
    expect(bound(await run(goExtractor, text, { path: 'src/cart/main.go', service: 'cart' }))).toEqual(['cart:7070@4:39-4:43']);
  });
});
