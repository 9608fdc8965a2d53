/**
 * Creating something through the API exactly once. A POST whose answer was lost (a 5xx, a
 * dropped connection, a timeout) may or may not have been stored; retrying it blindly, as the
 * retry plugin would, can store it twice (two reviews with the same inline comments, two
 * sticky comments). So the create is sent with the plugin's retries off, and before each new
 * try the caller's `find` looks for what the last try may have stored.
 */
import { isTransient } from './errors.js';

/** Tries of a create whose answer is lost, at most. */
export const CREATE_ATTEMPTS = 3;

/** Options for one Octokit call: no retries by the retry plugin (rate limits are still waited out). */
export const NO_BLIND_RETRY = { request: { retries: 0 } } as const;

/**
 * Runs `create` until it answers, at most {@link CREATE_ATTEMPTS} times; after each lost
 * answer, `find` returns what was stored, if anything, and ends the tries; otherwise `pause`
 * waits before the next. Other errors are thrown at once, as is the last lost answer.
 */
export async function createOnce<T>(create: () => Promise<T>, find: () => Promise<T | undefined>, pause: (attempt: number) => Promise<void>): Promise<{ value: T; recovered: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await create(), recovered: false };
    } catch (error) {
      if (!isTransient(error)) throw error;
      const stored = await find();
      if (stored !== undefined) return { value: stored, recovered: true };
      if (attempt >= CREATE_ATTEMPTS) throw error;
      await pause(attempt);
    }
  }
}
