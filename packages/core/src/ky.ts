/** `@connected-apps/core/ky`: the ky transport, apart so that apps without ky never bundle it. */
export { createKyTransport, type KyTransportOptions } from './transports/ky.ts';
