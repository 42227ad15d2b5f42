'use client';

import type { ConnectedApp, ConnectedAppsError } from '@connected-apps/core';
import { type Ref, useId } from 'react';
import { partClass } from './class-name.ts';
import { ErrorNotice } from './error-notice.tsx';
import type { ConnectedAppsMessages } from './messages.ts';
import type { ConnectedAppsClassNames } from './types.ts';

interface RevokeConfirmationProps {
  app: ConnectedApp;
  isPending: boolean;
  error: ConnectedAppsError | null;
  onConfirm: () => void;
  onCancel: () => void;
  cancelRef: Ref<HTMLButtonElement>;
  messages: ConnectedAppsMessages;
  classNames: ConnectedAppsClassNames;
}

/**
 * The inline "are you sure": what a revoke does, then Revoke access / Cancel. It stays open through
 * the pending state and a failure (the error, with "Try again" in the confirm button's place), so
 * keyboard focus never lands on something that vanished. Escape backs out unless a revoke is running.
 */
export function RevokeConfirmation(props: RevokeConfirmationProps) {
  const { app, isPending, error, messages, classNames } = props;
  const textId = useId();
  const button = (variant: string) => partClass(`button ca-button-${variant}`, classNames.button);
  return (
    <fieldset
      className={partClass('confirm', classNames.confirmation)}
      aria-describedby={textId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !isPending) props.onCancel();
      }}
    >
      <legend className="ca-confirm-title">{messages.confirmTitle(app)}</legend>
      <p id={textId} className="ca-confirm-text">
        {messages.confirmText(app)}
      </p>
      {error && (
        <ErrorNotice
          title={messages.revokeErrorTitle(app)}
          error={error}
          messages={messages}
          className={classNames.notice}
        />
      )}
      <div className="ca-confirm-buttons">
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus; the clicks are ignored instead. */}
        <button
          type="button"
          className={button('danger')}
          aria-disabled={isPending}
          data-pending={isPending || undefined}
          onClick={() => {
            if (!isPending) props.onConfirm();
          }}
        >
          {isPending ? messages.revoking : error ? messages.retryRevoke : messages.confirm}
        </button>
        <button
          type="button"
          className={button('plain')}
          aria-disabled={isPending}
          ref={props.cancelRef}
          onClick={() => {
            if (!isPending) props.onCancel();
          }}
        >
          {messages.cancel}
        </button>
      </div>
    </fieldset>
  );
}
