import { DEFAULTS } from './options.ts';

/** `connected-apps --help`. */
export const USAGE = `Usage:
  connected-apps revoke --user <user_id> --app <connected_app_id>
  connected-apps revoke --user <user_id> --all
  connected-apps revoke --app <connected_app_id> --users <file>
  connected-apps list --user <user_id>

Revoke options:
  --all                  every app the user has granted (listed first)
  --users <file>         one user id per line, or CSV with a user_id column
  --dry-run              show what would be revoked; revoke nothing
  --yes, -y              required to revoke in a live project (project-live-…)
  --concurrency <n>      calls in flight at once (default ${DEFAULTS.concurrency})
  --rate <n>             requests per second, retries included (default ${DEFAULTS.rate})
  --journal <file>       journal of outcomes (default: ./connected-apps-<hash>.journal.jsonl)

Every command:
  --json                 one JSON object on stdout instead of text
  --timeout <ms>         per-attempt timeout (default ${DEFAULTS.timeout})
  --retries <n>          retries of a transient failure (default ${DEFAULTS.retries})
  --help, -h             this help

Environment: STYTCH_PROJECT_ID, STYTCH_SECRET (required), STYTCH_BASE_URL (optional).
Exit status: 0 done, 1 something failed, 2 bad input, 130 interrupted (Ctrl+C), 143 terminated.
`;
