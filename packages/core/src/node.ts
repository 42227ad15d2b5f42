/** `@connected-apps/core/node`: the undici transport, for Node servers (the only entry that uses Node). */
export { createUndiciTransport, type UndiciTransportOptions } from './transports/undici.ts';
