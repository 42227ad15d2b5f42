import { createStytchClient } from '@connected-apps/core';
const resp = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"request_id":"request-id-test-1","status_code":200}' };
const client = createStytchClient({ project_id: 'project-test-x', secret: 'secret-test-y', baseUrl: 'http://127.0.0.1:1', transport: { send: async () => resp } });
const run = async (n: number) => { for (let i = 0; i < n; i++) await client.users.revoke({ user_id: 'user-test-a', connected_app_id: 'app-1' }); };
await run(20000);
const t = performance.now(); await run(100000); console.log('core µs/call', ((performance.now() - t) / 100000 * 1000).toFixed(2));
