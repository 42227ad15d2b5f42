import {
  ALLOWED_ORIGIN,
  bearer,
  proxyListPath,
  proxyRevokePath,
  sessionJwtCookie,
} from '@connected-apps/testkit';
import type { ReliabilityStack } from './reliability-stack.ts';

/** Whom a request's credentials let it act for: those users' ids, or anyone (an admin session). */
export type ActsFor = readonly string[] | 'anyone';

/** A well-formed call of a signed-in (or anonymous) caller, which a raw case then damages. */
export interface BaseCall {
  name: string;
  method: 'GET' | 'POST';
  target: string;
  headers: [string, string][];
  body: string;
  actsFor: ActsFor;
  /** Credentials it carries, which must never come back or be logged. */
  secrets: string[];
}

/**
 * The calls raw cases start from: Alice listing and revoking her own apps (Bearer and cookie), Alice
 * listing Bob's, an anonymous list, and an admin listing Bob's.
 */
export function baseCalls(stack: ReliabilityStack): BaseCall[] {
  const { alice, bob, admin, calendar } = stack.world;
  const json: [string, string] = ['Content-Type', 'application/json'];
  const asAlice: [string, string] = ['Authorization', bearer(alice.jwt).authorization];
  const call = (c: Omit<BaseCall, 'body' | 'secrets'> & { body?: string }): BaseCall => ({
    body: '',
    secrets: c.actsFor === 'anyone' ? [admin.jwt] : c.actsFor.length ? [alice.jwt] : [],
    ...c,
  });
  return [
    call({
      name: 'list',
      method: 'GET',
      target: proxyListPath(alice.user_id),
      headers: [asAlice],
      actsFor: [alice.user_id],
    }),
    call({
      name: 'revoke',
      method: 'POST',
      target: proxyRevokePath(alice.user_id, calendar),
      headers: [asAlice, json],
      body: '{}',
      actsFor: [alice.user_id],
    }),
    call({
      name: 'cookie revoke',
      method: 'POST',
      target: proxyRevokePath(alice.user_id, calendar),
      headers: [['Cookie', sessionJwtCookie(alice.jwt).cookie], ['Origin', ALLOWED_ORIGIN], json],
      body: '{}',
      actsFor: [alice.user_id],
    }),
    call({
      name: 'another user',
      method: 'GET',
      target: proxyListPath(bob.user_id),
      headers: [asAlice],
      actsFor: [alice.user_id],
    }),
    call({
      name: 'anonymous',
      method: 'GET',
      target: proxyListPath(alice.user_id),
      headers: [],
      actsFor: [],
    }),
    call({
      name: 'admin',
      method: 'GET',
      target: proxyListPath(bob.user_id),
      headers: [['Authorization', bearer(admin.jwt).authorization]],
      actsFor: 'anyone',
    }),
  ];
}

/** How a message is written out: its request line's parts, header lines, line ending and body. */
export interface MessageParts {
  method: string;
  target: string;
  /** @default 'HTTP/1.1' */
  version?: string;
  /** Header lines as written, so a test can break them. `Host` and `Connection: close` are not added. */
  headers: string[];
  /** @default '\r\n' */
  eol?: string;
  /** @default '' */
  body?: string;
}

/** One HTTP/1.x message as bytes (latin1 text). */
export function message(parts: MessageParts): string {
  const eol = parts.eol ?? '\r\n';
  const head = [`${parts.method} ${parts.target} ${parts.version ?? 'HTTP/1.1'}`, ...parts.headers];
  return `${head.join(eol)}${eol}${eol}${parts.body ?? ''}`;
}

/** A base call's header lines: its own, `Content-Length` for a body, and (unless told not to) `Host` and `Connection: close`. */
export function headerLines(
  call: BaseCall,
  options: { host?: boolean; close?: boolean; length?: boolean } = {},
): string[] {
  return [
    ...(options.host === false ? [] : ['Host: localhost']),
    ...call.headers.map(([name, value]) => `${name}: ${value}`),
    ...(call.body && options.length !== false ? [`Content-Length: ${Buffer.byteLength(call.body)}`] : []),
    ...(options.close === false ? [] : ['Connection: close']),
  ];
}
