/** Notification service settings. */
export const PORT = Number(process.env.PORT ?? 3040);
export const SMTP_HOST = process.env.SMTP_HOST ?? 'smtp.mana.how';
// Retry a failed push 5 times with exponential backoff starting at 2 s.
export const MAX_RETRIES = 5;
