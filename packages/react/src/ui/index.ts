/**
 * `@connected-apps/react/ui`: `<ConnectedAppsManager>`, the ready-made settings section, with its
 * messages and types. Its stylesheet is `@connected-apps/react/ui.css`. Nothing here is imported by
 * the hooks' entry, so a page that only uses the hooks does not ship it.
 */
export { ConnectedAppsManager } from './connected-apps-manager.tsx';
export { type ConnectedAppsMessages, type ConnectedAppsMessagesInput, englishMessages } from './messages.ts';
export type {
  ConnectedAppRowParts,
  ConnectedAppsClassNames,
  ConnectedAppsManagerProps,
  DescribeScope,
} from './types.ts';
