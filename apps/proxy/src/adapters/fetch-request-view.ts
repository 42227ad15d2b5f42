import type { BodyText, RequestView } from '../pipeline/exchange.ts';

/** What `@hono/node-server` passes as `env` (`{ incoming }`), when the fetch handler runs on it. */
interface NodeServerBindings {
  incoming?: { url?: unknown; httpVersion?: unknown; socket?: { remoteAddress?: unknown } };
}

/**
 * A {@link RequestView} on a web `Request`. Its URL is already normalized by the runtime (dot segments
 * resolved), except on `@hono/node-server`, whose `env.incoming` still has the target as sent, and
 * the socket's address for per-address rate limits.
 *
 * @example
 * const view = new FetchRequestView(request, env);
 */
export class FetchRequestView implements RequestView {
  readonly method: string;
  readonly target: string;
  readonly httpVersion: string;
  readonly host: string;
  readonly remoteAddress: string | undefined;
  readonly #request: Request;

  constructor(request: Request, env?: unknown) {
    const incoming = (env as NodeServerBindings | undefined)?.incoming;
    const url = new URL(request.url);
    this.#request = request;
    this.method = request.method;
    this.target = typeof incoming?.url === 'string' ? incoming.url : `${url.pathname}${url.search}`;
    this.httpVersion = typeof incoming?.httpVersion === 'string' ? incoming.httpVersion : '1.1';
    this.host = url.host;
    const address = incoming?.socket?.remoteAddress;
    this.remoteAddress = typeof address === 'string' ? address : undefined;
  }

  header(name: string): string | undefined {
    return this.#request.headers.get(name) ?? undefined;
  }

  hasBody(): boolean {
    // A declared empty body is no body, as on Node: for `Content-Length: 0` undici gives no stream
    // but workerd an empty one (so a bodiless POST would otherwise need a JSON content type there).
    return this.#request.body !== null && this.#request.headers.get('content-length') !== '0';
  }

  async readBody(limit: number): Promise<BodyText> {
    const body = this.#request.body;
    if (body === null) return '';
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return 'too_large';
      }
      chunks.push(value);
    }
    const whole = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      whole.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return new TextDecoder().decode(whole);
  }
}
