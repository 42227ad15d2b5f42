import type { OverheadProfile } from './overhead/run-overhead.ts';

/** How much a `bench` run measures. */
export interface BenchProfile {
  overhead: OverheadProfile;
  coldStartSamples: number;
  /** Seconds of the soak: long enough for the proxy's RSS to level off and its slope to be judged. */
  soakS: number;
}

/**
 * The published run: 5 interleaved rounds × 4 targets × 6 s after a 3 s warm-up each, 32
 * connections, 16 users, 7 cold starts, a 60 s soak — about three and a half minutes in all.
 */
export const fullProfile: BenchProfile = {
  overhead: { rounds: 5, durationS: 6, warmupS: 3, connections: 32, users: 16 },
  coldStartSamples: 7,
  soakS: 60,
};

/** A smoke run (`--quick`, ~45 s) to check that everything works; its figures are not published. */
export const quickProfile: BenchProfile = {
  overhead: { rounds: 1, durationS: 2, warmupS: 1, connections: 32, users: 8 },
  coldStartSamples: 3,
  soakS: 20,
};
