import { Hono } from 'hono';
import { PORT } from './config';

const app = new Hono();
app.get('/health', (c) => c.json({ ok: true }));
app.post('/v1/notify', async (c) => c.json({ queued: true }, 202));

export default { port: PORT, fetch: app.fetch };
