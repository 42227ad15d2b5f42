import {
  countRequests,
  injectRevokeFault,
  quietPeriod,
  stytchListPath,
  stytchRevokePath,
} from '@connected-apps/testkit';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useConnectedApps, useRevokeConnectedApp } from '../src/index.ts';
import { providerWrapper } from './support/render.tsx';
import { control, seedUser } from './support/stack.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

interface RevokeButtonProps {
  user_id: string;
  connected_app_id: string;
  onHookSuccess?: () => void;
  onCallSuccess?: () => void;
}

function RevokeButton({ user_id, connected_app_id, onHookSuccess, onCallSuccess }: RevokeButtonProps) {
  const revoke = useRevokeConnectedApp({ onSuccess: onHookSuccess });
  return (
    <button
      type="button"
      aria-label={`Revoke ${connected_app_id}`}
      onClick={() => revoke.revoke({ user_id, connected_app_id }, { onSuccess: onCallSuccess })}
    >
      {revoke.status}
    </button>
  );
}

/** A list with a revoke button per app; counts its mount effects to prove StrictMode re-ran them. */
function Page({ user_id, effects }: { user_id: string; effects: { runs: number } }) {
  useEffect(() => {
    effects.runs += 1;
  }, [effects]);
  const apps = useConnectedApps(user_id);
  return (
    <ul>
      {apps.data?.map((item) => (
        <li key={item.connected_app_id}>
          {item.name} <RevokeButton user_id={user_id} connected_app_id={item.connected_app_id} />
        </li>
      ))}
    </ul>
  );
}

describe('useRevokeConnectedApp lifecycle', () => {
  it('stays silent when the component unmounts while its revoke is pending, and the revoke still lands', async () => {
    const user = await seedUser(['Calendar Sync']);
    const app = user.apps[0]!;
    await injectRevokeFault(control, user.user_id, app.connected_app_id, { latency_ms: 300 });
    const consoleError = vi.spyOn(console, 'error');
    const consoleWarn = vi.spyOn(console, 'warn');
    const onCallSuccess = vi.fn();
    const onHookSuccess = vi.fn();
    const view = render(
      <RevokeButton
        user_id={user.user_id}
        connected_app_id={app.connected_app_id}
        onHookSuccess={onHookSuccess}
        onCallSuccess={onCallSuccess}
      />,
      { wrapper: providerWrapper(user.client) },
    );

    fireEvent.click(screen.getByRole('button'));
    expect(screen.getByRole('button').textContent).toBe('pending');
    view.unmount();

    await waitFor(async () =>
      expect((await control.getTokens(user.user_id, app.connected_app_id)).grant_active).toBe(false),
    );
    await vi.waitFor(() => expect(onHookSuccess).toHaveBeenCalledOnce());
    expect(onCallSuccess).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('sends one list request and one revoke under StrictMode', async () => {
    const user = await seedUser(['Calendar Sync', 'Notes']);
    const app = user.apps[0]!;
    const effects = { runs: 0 };
    render(<Page user_id={user.user_id} effects={effects} />, {
      wrapper: providerWrapper(user.client),
      reactStrictMode: true,
    });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));

    fireEvent.click(screen.getByRole('button', { name: `Revoke ${app.connected_app_id}` }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(screen.queryByText(app.name)).toBeNull();
    await quietPeriod();
    expect(effects.runs).toBe(2); // StrictMode did mount, unmount and mount again
    expect(await countRequests(control, 'GET', stytchListPath(user.user_id))).toBe(1);
    expect(await countRequests(control, 'POST', stytchRevokePath(user.user_id, app.connected_app_id))).toBe(
      1,
    );
  });
});
