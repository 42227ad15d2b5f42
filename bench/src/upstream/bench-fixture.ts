/** One signed-in user of the benchmark and the connected app they revoke on every request. */
export interface BenchSession {
  user_id: string;
  connected_app_id: string;
  session_jwt: string;
}

/** What the upstream child reports once seeded. */
export interface UpstreamDetails {
  projectId: string;
  secret: string;
  sessions: BenchSession[];
}
