/**
 * Which comments are ours. The hidden markers find them (not the login, which differs
 * between the Actions token and an app), but a person can type a marker too: only comments
 * written by a bot account count, so a human's comment is never edited, resolved or deleted,
 * and a copied fingerprint cannot silence a finding.
 */

/** The author fields GitHub returns on issue and review comments. */
interface Authored {
  user?: { type?: string | null } | null;
}

/** True when a bot account wrote the comment. */
export function byBot(comment: Authored): boolean {
  return comment.user?.type === 'Bot';
}
