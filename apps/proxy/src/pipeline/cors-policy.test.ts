import { describe, expect, it } from 'vitest';
import { createCorsPolicy } from './cors-policy.ts';

const cors = createCorsPolicy(['https://app.example.com']);

describe('createCorsPolicy', () => {
  it('allows a listed origin with credentials, exposing our headers, varying on Origin', () => {
    expect(cors.responseHeaders('https://app.example.com')).toEqual({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'X-Request-Id,Retry-After',
      vary: 'Origin',
    });
  });

  it('gives any other origin no Access-Control-Allow-Origin', () => {
    expect(cors.responseHeaders('https://evil.example')).not.toHaveProperty('access-control-allow-origin');
    expect(cors.preflightHeaders('https://evil.example')).not.toHaveProperty('access-control-allow-origin');
  });

  it('answers a preflight with the methods, headers and max age', () => {
    expect(cors.preflightHeaders('https://app.example.com')).toEqual({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'X-Request-Id,Retry-After',
      'access-control-allow-methods': 'GET,HEAD,POST',
      'access-control-allow-headers': 'Authorization,Content-Type,X-Request-Id',
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Headers',
    });
  });
});
