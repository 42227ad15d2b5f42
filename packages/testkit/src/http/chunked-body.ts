/**
 * A fetch body sent chunked (`Transfer-Encoding: chunked`): no Content-Length for a server to refuse
 * it by, so its size and content are found by reading it. Spread it into fetch's `init`.
 *
 * @example
 * await fetch(url, { method: 'POST', headers, ...chunkedBody('{}') } as RequestInit);
 */
export function chunkedBody(text: string): { body: ReadableStream<Uint8Array>; duplex: 'half' } {
  return {
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    }),
    duplex: 'half',
  };
}
