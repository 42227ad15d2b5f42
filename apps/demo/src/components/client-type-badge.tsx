import type { ClientType } from '@connected-apps/core';

const labels: Record<ClientType, { label: string; title: string }> = {
  first_party: { label: 'First-party', title: 'An app made by this company' },
  first_party_public: {
    label: 'First-party · public client',
    title: 'An app made by this company, running on a device',
  },
  third_party: { label: 'Third-party', title: 'An app made by someone else' },
  third_party_public: {
    label: 'Third-party · public client',
    title: 'An app made by someone else, running on a device',
  },
};

/** What kind of app this is, as a small badge. */
export function ClientTypeBadge({ clientType }: { clientType: ClientType }) {
  const { label, title } = labels[clientType] ?? { label: clientType, title: clientType };
  return (
    <span className={`badge badge-${clientType.startsWith('first') ? 'first' : 'third'}`} title={title}>
      {label}
    </span>
  );
}
