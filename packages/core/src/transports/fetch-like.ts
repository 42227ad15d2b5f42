import type { TransportRequest, TransportResponse } from './transport.ts';

/** The `fetch` init for a {@link TransportRequest} (fetch and ky take the same one). */
export function fetchInit({ method, headers, body, signal, credentials }: TransportRequest): RequestInit {
  const init: RequestInit = { method, headers, body, signal };
  if (credentials) init.credentials = credentials;
  return init;
}

/** A fetch `Response`, whatever its status, read whole into a {@link TransportResponse}. */
export async function readFetchResponse(response: Response): Promise<TransportResponse> {
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
}
