/**
 * Whether this run is CI's: `CI` is set, as CI services (and `.ci/run`) set it, and is not `false` or
 * `0` (which some tools use to say "not CI").
 */
export function runningInCI(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}
