import type { NextConfig } from 'next';

const config: NextConfig = {
  // The workspace's `typecheck` task runs tsc on this app (turbo); `next build` need not run it again.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
};

export default config;
