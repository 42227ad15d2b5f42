'use client';

import type { ConnectedApp, UsersRevokeAllResponse } from '@connected-apps/core';
import type { ReactNode } from 'react';
import { useRevokeAllConnectedApps } from '../use-revoke-all-connected-apps.ts';
import { partClass } from './class-name.ts';
import { ErrorNotice } from './error-notice.tsx';
import type { ConnectedAppsMessages } from './messages.ts';
import { RevokeConfirmation } from './revoke-confirmation.tsx';
import type { ConnectedAppsManagerProps } from './types.ts';
import { useConfirmation } from './use-confirmation.ts';

interface RevokeAllSettings
  extends Pick<ConnectedAppsManagerProps, 'client' | 'onRevokedAll' | 'onRevokeAllError'> {
  user_id: string;
  /** The apps listed now; the action is hidden while there are none. */
  list: ConnectedApp[] | undefined;
  messages: ConnectedAppsMessages;
  classNames: NonNullable<ConnectedAppsManagerProps['classNames']>;
  /** Says the outcome through the manager's live region; `partial` when some apps failed. */
  announce: (message: string, partial: boolean) => void;
}

/**
 * "Revoke all" as two parts the manager places: the button (in the header) and its inline
 * confirmation (under it), on `useRevokeAllConnectedApps`. All revoked closes the confirmation and
 * announces it; a partial failure keeps it open, naming each failed app with its error and request
 * id, and "Try again" revokes only what is left (the revoked apps have already left the list).
 */
export function useRevokeAllAction(settings: RevokeAllSettings): { button: ReactNode; panel: ReactNode } {
  const { messages, classNames, list } = settings;
  const { revoke, reset, isPending, error, data } = useRevokeAllConnectedApps({
    client: settings.client,
    onSuccess: (response: UsersRevokeAllResponse) => {
      const failed = response.connected_apps.filter((app) => app.outcome === 'failed').length;
      const revoked = response.connected_apps.length - failed;
      if (!failed) confirmation.close();
      settings.announce(
        failed ? messages.revokeAllPartial(revoked, failed) : messages.revokedAll(revoked),
        failed > 0,
      );
      settings.onRevokedAll?.(response);
    },
    onError: (failure) => settings.onRevokeAllError?.(failure),
  });
  const confirmation = useConfirmation(reset);
  const { confirming, toggle, openRef, cancelRef } = confirmation;
  if (!list?.length) return { button: null, panel: null };

  const failures = data?.connected_apps.flatMap((outcome) =>
    outcome.outcome === 'failed'
      ? [
          <ErrorNotice
            key={outcome.connected_app_id}
            title={messages.revokeErrorTitle(
              // An app gone from the list meanwhile is still named, by its id.
              list.find((app) => app.connected_app_id === outcome.connected_app_id) ??
                ({ name: outcome.connected_app_id } as ConnectedApp),
            )}
            error={outcome.error}
            messages={messages}
            className={classNames.notice}
            quiet
          />,
        ]
      : [],
  );
  const notice = error ? (
    <ErrorNotice
      title={messages.revokeAllErrorTitle}
      error={error}
      messages={messages}
      className={classNames.notice}
    />
  ) : failures?.length ? (
    // The summary ("2 apps revoked; 1 could not be") is the live region's, right below.
    failures
  ) : null;

  return {
    button: confirming ? null : (
      <button
        type="button"
        ref={openRef}
        className={partClass('button ca-button-outline ca-revoke-all', classNames.button)}
        onClick={() => toggle(true)}
      >
        {messages.revokeAll}
      </button>
    ),
    panel: confirming ? (
      <RevokeConfirmation
        title={messages.revokeAllTitle(list.length)}
        text={messages.revokeAllText(list.length)}
        confirm={messages.confirmRevokeAll}
        isPending={isPending}
        failed={!!notice}
        notice={notice}
        onConfirm={() => revoke({ user_id: settings.user_id })}
        onCancel={() => toggle(false)}
        cancelRef={cancelRef}
        messages={messages}
        classNames={classNames}
      />
    ) : null,
  };
}
