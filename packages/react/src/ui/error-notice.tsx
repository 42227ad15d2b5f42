import type { StytchErrorBody } from '@connected-apps/core';
import type { ReactNode } from 'react';
import { partClass } from './class-name.ts';
import type { ConnectedAppsMessages } from './messages.ts';

interface ErrorNoticeProps {
  title: string;
  /** Ours or one of revoke-all's per-app errors: both are Stytch-shaped. */
  error: StytchErrorBody;
  messages: ConnectedAppsMessages;
  className: string | undefined;
  /** What the person can do about it (a retry button). */
  children?: ReactNode;
  /** Not an alert: the live region already announces the outcome it belongs to. */
  quiet?: boolean;
}

/** A failure said plainly, with the request id support will ask for; an alert, so it is announced. */
export function ErrorNotice({ title, error, messages, className, children, quiet }: ErrorNoticeProps) {
  return (
    <div className={partClass('notice', className)} role={quiet ? undefined : 'alert'}>
      <p className="ca-notice-title">{title}</p>
      <p className="ca-notice-text">{messages.errorText(error)}</p>
      <p className="ca-notice-meta">
        {messages.requestId} <code className="ca-request-id">{error.request_id}</code>
        {' · '}
        {messages.errorCode(error)}
      </p>
      {children}
    </div>
  );
}
