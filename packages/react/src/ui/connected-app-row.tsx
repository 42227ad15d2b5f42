'use client';

import type {
  ConnectedApp,
  ConnectedAppsClient,
  ConnectedAppsError,
  UsersRevokeResponse,
} from '@connected-apps/core';
import { useId } from 'react';
import { useRevokeConnectedApp } from '../use-revoke-connected-app.ts';
import { AppLogo } from './app-logo.tsx';
import { partClass } from './class-name.ts';
import { ErrorNotice } from './error-notice.tsx';
import type { ConnectedAppsMessages } from './messages.ts';
import { RevokeConfirmation } from './revoke-confirmation.tsx';
import { ScopeList } from './scope-list.tsx';
import type { ConnectedAppsManagerProps } from './types.ts';
import { useConfirmation } from './use-confirmation.ts';

/** What every row shares, set once by the manager. */
export interface RowSettings
  extends Pick<ConnectedAppsManagerProps, 'describeScope' | 'renderRow' | 'onRevokeError'> {
  user_id: string;
  client: ConnectedAppsClient | undefined;
  messages: ConnectedAppsMessages;
  classNames: NonNullable<ConnectedAppsManagerProps['classNames']>;
  /** The heading level of the app's name. */
  level: number;
  onRevoked: (app: ConnectedApp, response: UsersRevokeResponse) => void;
}

/** One app: who it is, what it may do, and Revoke behind an inline confirmation. */
export function ConnectedAppRow({ app, settings }: { app: ConnectedApp; settings: RowSettings }) {
  const { messages, classNames } = settings;
  const { revoke, reset, isPending, error } = useRevokeConnectedApp({
    client: settings.client,
    // The hook's own callbacks run even though the row unmounts as the app leaves the list.
    onSuccess: (response) => settings.onRevoked(app, response),
    onError: (failure: ConnectedAppsError) => settings.onRevokeError?.(app, failure),
  });
  const { confirming, toggle, openRef, cancelRef } = useConfirmation(reset);
  const nameId = useId();

  const Name = `h${settings.level}` as 'h3';
  const party = app.client_type.startsWith('first') ? 'first' : 'third';
  // Keyed by the URL: a new logo gets a fresh try after an old one failed to load.
  const logo = (
    <AppLogo key={app.logo_url} name={app.name} logoUrl={app.logo_url} className={classNames.logo} />
  );
  const heading = (
    <div className="ca-row-heading">
      <Name id={nameId} className="ca-name">
        {app.name}
      </Name>
      <span className={partClass('badge', classNames.badge)} data-party={party}>
        {messages.clientTypes[app.client_type] ?? app.client_type}
      </span>
    </div>
  );
  const description = app.description ? (
    <p className={partClass('description', classNames.description)}>{app.description}</p>
  ) : null;
  const scopes = (
    <ScopeList
      app={app}
      messages={messages}
      describeScope={settings.describeScope}
      className={classNames.scopes}
    />
  );
  const revokeButton = confirming ? null : (
    <button
      type="button"
      ref={openRef}
      className={partClass('button ca-button-outline', classNames.button)}
      aria-label={messages.revokeLabel(app)}
      onClick={() => toggle(true)}
    >
      {messages.revoke}
    </button>
  );
  const confirmation = confirming ? (
    <RevokeConfirmation
      title={messages.confirmTitle(app)}
      text={messages.confirmText(app)}
      confirm={messages.confirm}
      isPending={isPending}
      failed={!!error}
      notice={
        error && (
          <ErrorNotice
            title={messages.revokeErrorTitle(app)}
            error={error}
            messages={messages}
            className={classNames.notice}
          />
        )
      }
      onConfirm={() => revoke({ user_id: settings.user_id, connected_app_id: app.connected_app_id })}
      onCancel={() => toggle(false)}
      cancelRef={cancelRef}
      messages={messages}
      classNames={classNames}
    />
  ) : null;
  const row = (
    <>
      {logo}
      <div className="ca-body">
        {heading}
        {description}
        {scopes}
      </div>
      <div className="ca-row-actions">{revokeButton}</div>
      {confirmation}
    </>
  );
  const rowClass = typeof classNames.row === 'function' ? classNames.row(app) : classNames.row;

  return (
    <li
      className={partClass('row', rowClass)}
      aria-labelledby={nameId}
      aria-busy={isPending}
      data-state={isPending ? 'pending' : error ? 'error' : confirming ? 'confirming' : 'idle'}
    >
      {settings.renderRow
        ? settings.renderRow(app, {
            logo,
            heading,
            description,
            scopes,
            revoke: revokeButton,
            confirmation,
            row,
          })
        : row}
    </li>
  );
}
