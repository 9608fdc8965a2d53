/** Which handler answers which of GitHub's operationIds. */
import { createCheckRun, listCheckRunsForRef, updateCheckRun } from './checks.js';
import type { Handler } from './handler.js';
import { createCommentReaction, createIssueComment, deleteIssueComment, getIssueComment, listIssueComments, updateIssueComment } from './issues.js';
import { createPull, createReview, createReviewComment, getPull, listPullFiles, listPulls, listReviewComments, updateReviewComment } from './pulls.js';
import { createRef, getCollaboratorPermission, getContent, getRef, getRepo, graphql, putContent } from './repos.js';

export const HANDLERS: Record<string, Handler> = {
  'checks/create': createCheckRun,
  'checks/update': updateCheckRun,
  'checks/list-for-ref': listCheckRunsForRef,
  'pulls/get': getPull,
  'pulls/list-files': listPullFiles,
  'pulls/list-review-comments': listReviewComments,
  'pulls/create-review': createReview,
  'pulls/create-review-comment': createReviewComment,
  'pulls/update-review-comment': updateReviewComment,
  'issues/list-comments': listIssueComments,
  'issues/get-comment': getIssueComment,
  'issues/create-comment': createIssueComment,
  'issues/update-comment': updateIssueComment,
  'issues/delete-comment': deleteIssueComment,
  'reactions/create-for-issue-comment': createCommentReaction,
  'repos/get': getRepo,
  'repos/get-collaborator-permission-level': getCollaboratorPermission,
  'repos/get-content': getContent,
  'repos/create-or-update-file-contents': putContent,
  'git/get-ref': getRef,
  'git/create-ref': createRef,
  'pulls/list': listPulls,
  'pulls/create': createPull,
  graphql,
};
