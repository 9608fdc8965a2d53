import { Hono } from 'hono';
import { streamText } from 'hono/streaming';
import { config } from './config';

const app = new Hono();

app.get('/health', (c) => c.json({ ok: true }));

app.post('/v1/chat', async (c) => {
  const balance = await fetch(`${config.creditsUrl}/v1/balance`, { headers: { authorization: c.req.header('authorization') ?? '' } });
  if (!balance.ok) return c.json({ error: 'no credits' }, 402);
  return streamText(c, async (stream) => {
    await stream.write('…');
  });
});

export default { port: config.port, fetch: app.fetch };
