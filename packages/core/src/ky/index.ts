export { createKyTransport, type KyTransportOptions } from './ky-transport.ts';
