/** A JSON answer, as Stytch sends it: the body serialized, `content-type: application/json`. */
export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
