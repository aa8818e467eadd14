/** When the pull-request comment is written: `auto` on pull_request events, `always`, `on-failure`, `off`. */
export const COMMENT_WHEN = ['auto', 'always', 'on-failure', 'off'] as const
export type CommentWhen = (typeof COMMENT_WHEN)[number]
