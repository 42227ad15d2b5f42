/** The CLI's exit statuses (documented in the README). */
export const EXIT = {
  /** Everything asked for is done: revoked, or already gone. */
  ok: 0,
  /** At least one revoke or listing failed; the summary names each. */
  failed: 1,
  /** Bad input, found before any call. */
  usage: 2,
  /** Stopped by Ctrl+C (SIGINT): 128 + 2, as shells report it. */
  interrupted: 130,
  /** Stopped by SIGTERM: 128 + 15. */
  terminated: 143,
} as const;
