import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type UserConfig } from 'vite';
import { devSessionPlugin } from './src/dev/dev-session-plugin.ts';

/** Where the demo's dev server sends things. */
export interface DemoSettings {
  /** The proxy; `/api` is forwarded there, so the page stays same-origin. @default env `PROXY_URL` */
  proxyUrl: string;
  /** The emulator whose control API `/dev/sign-in` uses. @default env `EMULATOR_URL` */
  emulatorUrl: string;
  /** Who `/dev/sign-in` signs in. @default env `DEMO_USER_ID` */
  demoUserId: string;
  /**
   * B2B mode: the organization `/dev/b2b/sign-in` signs members of in, and its default member.
   * @default env `DEMO_ORGANIZATION_ID` and `DEMO_MEMBER_ID`, when both are set
   */
  b2b?: { organization_id: string; member_id: string };
}

/**
 * The demo's Vite config, built from explicit settings so `startDemoStack()` can create the server
 * in-process once it knows the ports.
 */
export function demoViteConfig(settings: DemoSettings): UserConfig {
  return {
    root: import.meta.dirname,
    plugins: [
      react(),
      devSessionPlugin({
        emulatorUrl: settings.emulatorUrl,
        demoUserId: settings.demoUserId,
        b2b: settings.b2b,
      }),
    ],
    // Workspace packages are served from their TypeScript source, like in tests.
    resolve: { conditions: ['@connected-apps/source', ...defaultClientConditions] },
    server: {
      host: '127.0.0.1',
      proxy: { '/api': { target: settings.proxyUrl } },
    },
    // Prebundled up front, so the first page load does not trigger a re-optimization and a reload.
    optimizeDeps: { include: ['react', 'react-dom/client', 'react/jsx-dev-runtime'] },
  };
}

export default defineConfig(() =>
  demoViteConfig({
    proxyUrl: process.env.PROXY_URL ?? 'http://127.0.0.1:8787',
    emulatorUrl: process.env.EMULATOR_URL ?? 'http://127.0.0.1:9010',
    demoUserId: process.env.DEMO_USER_ID ?? '',
    ...(process.env.DEMO_ORGANIZATION_ID && process.env.DEMO_MEMBER_ID
      ? { b2b: { organization_id: process.env.DEMO_ORGANIZATION_ID, member_id: process.env.DEMO_MEMBER_ID } }
      : {}),
  }),
);
