'use client';

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useConnectedApps } from '../use-connected-apps.ts';
import { partClass } from './class-name.ts';
import { ConnectedAppRow, type RowSettings } from './connected-app-row.tsx';
import { ErrorNotice } from './error-notice.tsx';
import { ListSkeleton } from './list-skeleton.tsx';
import { mergeMessages } from './messages.ts';
import { useRevokeAllAction } from './revoke-all-action.tsx';
import type { ConnectedAppsManagerProps } from './types.ts';

/**
 * A ready-made "Connected apps" settings section: the user's apps (logo, name, type, description,
 * scopes in words), Revoke behind an inline confirmation and "Revoke all" behind its own (opt out with
 * `revokeAll={false}`), with loading, empty and error states, a live region for outcomes and keyboard
 * focus kept in place. Built on `useConnectedApps`, `useRevokeConnectedApp` and
 * `useRevokeAllConnectedApps`, so it shares their store with any other list of the same user.
 * Import `@connected-apps/react/ui.css` for the default look, or style the `ca-*` classes yourself.
 *
 * @example
 * import { ConnectedAppsManager } from '@connected-apps/react/ui';
 * import '@connected-apps/react/ui.css';
 *
 * <ConnectedAppsProvider client={client}>
 *   <ConnectedAppsManager user_id={user.user_id} describeScope={(scope) => myScopes[scope]} />
 * </ConnectedAppsProvider>
 */
export function ConnectedAppsManager(props: ConnectedAppsManagerProps) {
  const { user_id, client, classNames = {}, headingLevel = 2, onRevoked } = props;
  const messages = useMemo(() => mergeMessages(props.messages), [props.messages]);
  const apps = useConnectedApps(user_id, { client });
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A new object per outcome, so the same sentence twice still runs the focus effect.
  const [outcome, setOutcome] = useState<{ message: string; partial?: boolean } | null>(null);

  const handleRevoked: RowSettings['onRevoked'] = useCallback(
    (app, response) => {
      setOutcome({ message: messages.revoked(app) });
      onRevoked?.(app, response);
    },
    [messages, onRevoked],
  );
  // The revoked row took the focused button with it: put keyboard focus on the heading, which stays.
  // Focus the user moved elsewhere meanwhile is left alone.
  useEffect(() => {
    const active = outcome && document.activeElement;
    if (outcome && (!active || active === document.body)) headingRef.current?.focus();
  }, [outcome]);

  const Heading = `h${headingLevel}` as 'h2';
  const settings: RowSettings = {
    user_id: user_id ?? '',
    client,
    messages,
    classNames,
    level: headingLevel + 1,
    describeScope: props.describeScope,
    renderRow: props.renderRow,
    onRevokeError: props.onRevokeError,
    onRevoked: handleRevoked,
  };
  const list = apps.data;
  const revokeAll = useRevokeAllAction({
    user_id: settings.user_id,
    client,
    list: props.revokeAll === false ? undefined : list,
    messages,
    classNames,
    announce: (message, partial) => setOutcome({ message, partial }),
    onRevokedAll: props.onRevokedAll,
    onRevokeAllError: props.onRevokeAllError,
  });

  return (
    <section
      className={props.unstyled ? props.className : partClass('manager', props.className)}
      aria-labelledby={titleId}
    >
      <div className={partClass('header', classNames.header)}>
        <Heading ref={headingRef} tabIndex={-1} className="ca-title">
          {/* The section and the list are named by the title alone; a list already says how many items it has. */}
          <span id={titleId}>{messages.title}</span>
          {list && <span className="ca-count"> {messages.count(list.length)}</span>}
        </Heading>
        {apps.isFetching && list && <span className="ca-refreshing">{messages.refreshing}</span>}
        {props.actions}
        {revokeAll.button}
      </div>
      {revokeAll.panel}
      <div className={partClass('status', classNames.status)} role="status">
        {outcome && (
          <p className="ca-success" data-partial={outcome.partial || undefined}>
            {outcome.message}
          </p>
        )}
      </div>
      {apps.status === 'pending' && <ListSkeleton label={messages.loading} className={classNames.skeleton} />}
      {apps.status === 'error' && (
        <ErrorNotice
          title={messages.loadErrorTitle}
          error={apps.error}
          messages={messages}
          className={classNames.notice}
        >
          <button
            type="button"
            className={partClass('button ca-button-plain', classNames.button)}
            aria-disabled={apps.isFetching}
            onClick={() => {
              if (!apps.isFetching) void apps.refetch();
            }}
          >
            {apps.isFetching ? messages.retryingLoad : messages.retryLoad}
          </button>
        </ErrorNotice>
      )}
      {list?.length === 0 && (
        <div className={partClass('empty', classNames.empty)}>
          <p className="ca-empty-title">{messages.emptyTitle}</p>
          <p>{messages.emptyText}</p>
        </div>
      )}
      {list && list.length > 0 && (
        <ul className={partClass('list', classNames.list)} aria-labelledby={titleId}>
          {list.map((app) => (
            <ConnectedAppRow key={app.connected_app_id} app={app} settings={settings} />
          ))}
        </ul>
      )}
    </section>
  );
}
