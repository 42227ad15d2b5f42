'use client';

import type { ReactNode, Ref } from 'react';
import { useId } from 'react';
import { partClass } from './class-name.ts';
import type { ConnectedAppsMessages } from './messages.ts';
import type { ConnectedAppsClassNames } from './types.ts';

interface RevokeConfirmationProps {
  /** The question (the group's name). */
  title: string;
  /** What will happen, said before it does (the group's description). */
  text: string;
  /** The confirm button's words before the first attempt. */
  confirm: string;
  isPending: boolean;
  /** Whether the last attempt failed: the confirm button then offers to try again. */
  failed: boolean;
  /** What went wrong, shown above the buttons. */
  notice?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  cancelRef: Ref<HTMLButtonElement>;
  messages: ConnectedAppsMessages;
  classNames: ConnectedAppsClassNames;
}

/**
 * The inline "are you sure" of one revoke or of revoke-all: what will happen, then confirm / Cancel.
 * It stays open through the pending state and a failure (the notice, with "Try again" in the confirm
 * button's place), so keyboard focus never lands on something that vanished. Escape backs out unless
 * a revoke is running.
 */
export function RevokeConfirmation(props: RevokeConfirmationProps) {
  const { isPending, messages, classNames } = props;
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
      <legend className="ca-confirm-title">{props.title}</legend>
      <p id={textId} className="ca-confirm-text">
        {props.text}
      </p>
      {props.notice}
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
          {isPending ? messages.revoking : props.failed ? messages.retryRevoke : props.confirm}
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
