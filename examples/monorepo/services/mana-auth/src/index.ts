import { Hono } from 'hono';
import { config } from './config';

const app = new Hono();

app.get('/health', (c) => c.json({ ok: true }));
app.post('/v1/token', async (c) => c.json({ error: 'not implemented' }, 501));

export default { port: config.port, fetch: app.fetch };
