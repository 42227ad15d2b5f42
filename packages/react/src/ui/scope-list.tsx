import type { ConnectedApp } from '@connected-apps/core';
import { partClass } from './class-name.ts';
import type { ConnectedAppsMessages } from './messages.ts';
import type { DescribeScope } from './types.ts';

interface ScopeListProps {
  app: ConnectedApp;
  messages: ConnectedAppsMessages;
  describeScope: DescribeScope | undefined;
  className: string | undefined;
}

/** What the app may do: its granted scopes (one space-separated string at Stytch), in words. */
export function ScopeList({ app, messages, describeScope, className }: ScopeListProps) {
  const scopes = app.scopes_granted.split(' ').filter(Boolean);
  if (scopes.length === 0) return <p className={partClass('scopes-none', className)}>{messages.noScopes}</p>;
  return (
    <ul className={partClass('scopes', className)} aria-label={messages.scopesLabel}>
      {scopes.map((scope) => (
        <li key={scope} className="ca-scope" data-scope={scope}>
          {describeScope?.(scope, app) ?? messages.scopes[scope] ?? scope}
        </li>
      ))}
    </ul>
  );
}
