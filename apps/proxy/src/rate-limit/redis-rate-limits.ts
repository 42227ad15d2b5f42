import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ProxyConfig } from '../config/proxy-config.ts';
import { BoundedMemoryStore } from './bounded-memory-store.ts';
import type { RateLimitStore } from './rate-limit-store.ts';
import { RedisOutage } from './redis-outage.ts';
import { RedisRateLimitStore } from './redis-rate-limit-store.ts';

/** Both limits' stores on one shared backend, and a way to let go of it. */
export interface SharedRateLimits {
  address: RateLimitStore;
  user: RateLimitStore;
  /** Closes the connection (QUIT, bounded by the command timeout), or stops reconnecting. */
  close(): Promise<void>;
}

/** Where the keys live in Redis: `connected-apps:rate-limit:{address|user}:{key}`. */
const KEY_PREFIX = 'connected-apps:rate-limit';

/**
 * The Node entry's rate limits from the config: with `REDIS_URL`, both limits counted in that Redis
 * through one ioredis client (see {@link RedisRateLimitStore}); without it, `undefined` (the
 * bounded memory stores). Only the Node entry imports this file, so the edge bundle holds no ioredis.
 *
 * No hit waits on Redis beyond `REDIS_TIMEOUT_MS` (each store's deadline); the client also bounds
 * connecting and each command by it, connects on first use (`lazyConnect`), and queues nothing while
 * disconnected (`enableOfflineQueue: false`: such a call fails at once and is counted in memory). It
 * reconnects by itself with ioredis's backoff (at most 2 s apart), and the limits are shared again
 * as soon as it is back.
 *
 * @example
 * const shared = createRedisRateLimits(config, logger); // undefined without REDIS_URL
 * createProxyRoutes(config, { ...parts, rateLimitStores: shared });
 * await shared?.close();
 */
export function createRedisRateLimits(config: ProxyConfig, logger: Logger): SharedRateLimits | undefined {
  if (config.redisUrl === undefined) return undefined;
  const client = new Redis(config.redisUrl, {
    // What `CLIENT LIST` shows for the proxy's connections.
    connectionName: 'connected-apps-proxy',
    lazyConnect: true,
    connectTimeout: config.redisTimeoutMs,
    commandTimeout: config.redisTimeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // A command cut off by a lost connection has failed: it is not sent again after reconnecting.
    autoResendUnfulfilledCommands: false,
  });
  const outage = new RedisOutage(logger);
  // Connection errors arrive here, not at a command (and unhandled, ioredis would print them).
  client.on('error', (error) => outage.failed(error));
  client.on('ready', () => outage.succeeded());
  let connecting: Promise<void> | undefined;
  // A failed first attempt is not retried here: ioredis keeps reconnecting in the background.
  const connect = () => {
    connecting ??= client.connect().catch(() => undefined);
    return connecting;
  };
  const store = (limit: 'address' | 'user') =>
    new RedisRateLimitStore({
      client,
      connect,
      outage,
      keyPrefix: `${KEY_PREFIX}:${limit}`,
      fallback: new BoundedMemoryStore(config.rateLimitMaxKeys),
      timeoutMs: config.redisTimeoutMs,
    });
  return {
    address: store('address'),
    user: store('user'),
    close: async () => {
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}
