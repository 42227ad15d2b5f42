import { SESSION_JWT_COOKIE } from '@connected-apps/core/wire';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import {
  journalPage,
  launchChromium,
  type PageJournal,
  proxyEnv,
  proxyRevokePath,
  quietPeriod,
  seedWorld,
  stytchRequests,
  stytchRevokePath,
  type World,
} from '@connected-apps/testkit';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NextServer, startNext } from './next-server.ts';

let emulator: Emulator;
let next: NextServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
let journal: PageJournal;
let world: World;

beforeAll(async () => {
  emulator = await start({ port: 0 });
  world = await seedWorld(emulator);
  // Same origin: the page's cookie writes carry `Sec-Fetch-Site: same-origin`, so no CORS_ORIGINS.
  const { CORS_ORIGINS: _none, ...env } = proxyEnv(emulator);
  // The session JWT verified locally for the whole file, however slowly the server and the browser
  // start: Stytch then receives exactly what the page's revokes cause.
  next = await startNext({ ...env, SESSION_JWT_MAX_AGE_SECONDS: '3600' });
  browser = await launchChromium(chromium);
  // The session cookie as Stytch's frontend SDK would have set it at sign-in.
  await browser.context.addCookies([
    { name: SESSION_JWT_COOKIE, value: world.alice.jwt, url: next.url, httpOnly: true, sameSite: 'Lax' },
  ]);
  page = await browser.context.newPage();
  journal = journalPage(page);
});

afterAll(async () => {
  await browser?.close();
  await next?.stop();
  await emulator?.stop();
});

const appRow = (name: string) => page.getByRole('listitem', { name, exact: true });

describe('the proxy as a Next.js route handler, and the hooks on a page of the same app', () => {
  it('lists the signed-in user’s apps and revokes one from the page: the grant is gone at Stytch', async () => {
    await page.goto(next.url);
    // A timeout here says what the page shows, its requests and the server's log.
    await journal.explainFailure(async () => {
      await appRow('Calendar Sync').waitFor();
      await appRow('Notes').waitFor();
    }, next.output);
    await emulator.control.clearRequests();

    await appRow('Calendar Sync').getByRole('button', { name: 'Revoke Calendar Sync' }).click();
    await appRow('Calendar Sync').waitFor({ state: 'detached' });
    expect(await appRow('Notes').count()).toBe(1);

    const tokens = await emulator.control.getTokens(world.alice.user_id, world.calendar);
    expect(tokens.grant_active).toBe(false);
    expect(await stytchRequests(emulator.control)).toEqual([
      `POST ${stytchRevokePath(world.alice.user_id, world.calendar)}`,
    ]);
  });

  it("refuses the page's request for another user's app with 403 and sends nothing to Stytch", async () => {
    await emulator.control.clearRequests();
    const answer = await page.evaluate(
      async (path) => {
        const response = await fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        return { status: response.status, body: await response.json() };
      },
      proxyRevokePath(world.bob.user_id, world.calendar),
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ status_code: 403, error_type: 'user_forbidden' });
    await quietPeriod();
    expect(await stytchRequests(emulator.control)).toEqual([]);
    expect((await emulator.control.getTokens(world.bob.user_id, world.calendar)).grant_active).toBe(true);
  });

  it('answers a method the route does not take with the proxy’s Stytch-shaped 405', async () => {
    const response = await fetch(`${next.url}${proxyRevokePath(world.alice.user_id, world.notes)}`, {
      method: 'PUT',
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toMatchObject({ error_type: 'method_not_allowed' });
  });

  it('logs each request as the proxy does, never the secret or the session token', async () => {
    // The proxy writes its log in batches at least once a second.
    await expect
      .poll(() => next.output(), { timeout: 5000 })
      .toContain('"route":"/api/v1/users/:user_id/connected_apps/:connected_app_id/revoke"');
    expect(next.output()).not.toContain(emulator.secret);
    expect(next.output()).not.toContain(world.alice.jwt);
  });
});
