/**
 * `@connected-apps/react/tanstack`: query and mutation options for apps that already run TanStack
 * Query (`@tanstack/react-query` v5, an optional peer dependency): our client, types and errors with
 * your own `QueryClient`, `useQuery` and `useMutation`. Independent of the hooks' store.
 */
export { connectedAppsQueryOptions } from './connected-apps-query-options.ts';
export { connectedAppsQueryKey } from './query-key.ts';
export { type RevokeMutationContext, revokeConnectedAppMutationOptions } from './revoke-mutation-options.ts';
