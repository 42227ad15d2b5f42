import type { ConnectedAppsError } from '@connected-apps/core';
import type { ReactNode } from 'react';

/** A failure, said plainly, with the request id support will ask for. Announced by screen readers. */
export function ErrorMessage({
  title,
  error,
  children,
}: {
  title: string;
  error: ConnectedAppsError;
  children?: ReactNode;
}) {
  return (
    <div className="error" role="alert">
      <p className="error-title">{title}</p>
      <p className="error-text">{describe(error)}</p>
      <p className="error-meta">
        Request ID: <code className="request-id">{error.request_id}</code>
      </p>
      <p className="error-meta">
        {error.status_code > 0 ? `HTTP ${error.status_code} · ` : ''}
        {error.error_type}
      </p>
      {children}
    </div>
  );
}

// Our words for the failures a person can act on; Stytch's own message otherwise.
function describe(error: ConnectedAppsError): string {
  switch (error.error_type) {
    case 'session_required':
    case 'session_invalid':
      return 'Your session has ended. Sign in again and retry.';
    case 'too_many_requests':
      return 'Too many attempts in a short time. Wait a moment and retry.';
    case 'network_error':
      return 'The server could not be reached. Check your connection and retry.';
    case 'timeout':
    case 'upstream_timeout':
      return 'The server took too long to answer. Retry in a moment.';
    default:
      // Server-side failures: Stytch's own text asks the reader to email Stytch, which is not their move.
      return error.status_code >= 500
        ? 'Something went wrong on our side. Try again in a moment; if it keeps failing, contact support with the request ID below.'
        : error.error_message;
  }
}
