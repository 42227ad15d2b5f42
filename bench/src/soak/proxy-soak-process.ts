import { startProxy } from '@connected-apps/proxy';
import { announceReady, serveParentRequests } from '../process/child-protocol.ts';

// Child process entry for the soak: the proxy started exactly as its main.ts does (configuration
// from the environment), plus one IPC request that reports the JS heap after a full GC, which
// tells a retained-object leak apart from the allocator's slow RSS drift. Needs --expose-gc.
const proxy = await startProxy(process.env);
const gc = (globalThis as { gc?: () => void }).gc;

serveParentRequests({
  'heap-after-gc': async () => {
    gc?.();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  },
});
announceReady(proxy.url, () => proxy.stop());
