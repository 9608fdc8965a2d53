/** Runtime configuration, read once at startup. */
export const config = {
  port: Number(process.env.PORT || '3001'),
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://mana:mana@localhost:5432/mana',
  // Access tokens live 15 minutes; refresh tokens 30 days.
  accessTokenTtlSeconds: 900,
  refreshTokenTtlSeconds: 30 * 24 * 3600,
};
