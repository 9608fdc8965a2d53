/** chat-server settings; the defaults are the local development ports. */
export const config = {
  port: Number(process.env.PORT ?? 3030),
  authUrl: process.env.MANA_AUTH_URL ?? 'http://localhost:3001',
  creditsUrl: process.env.MANA_CREDITS_URL ?? 'http://localhost:3061',
  // Streaming responses time out after 120 s.
  streamTimeoutMs: 120_000,
};
