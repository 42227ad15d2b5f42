import { SwaggerMockValidatorFactory, type ValidationOutcome } from '@pactflow/swagger-mock-validator';

/**
 * Checks every HTTP interaction of a pact against an OpenAPI description: paths, methods, auth,
 * request bodies, statuses, and response bodies — including that each response carries every property
 * the description requires (`requiredPropertiesInResponse`; off by default in the validator, so a pact
 * missing `request_id` would otherwise pass) and no property it does not describe.
 *
 * @example
 * const outcome = await checkPactAgainstOpenApi(STYTCH_OPENAPI, pactFilePath(PROXY, STYTCH_API));
 * if (!outcome.success) console.error(formatOutcome(outcome));
 */
export async function checkPactAgainstOpenApi(
  specPath: string,
  pactPath: string,
): Promise<ValidationOutcome> {
  return SwaggerMockValidatorFactory.create().validate({
    specPathOrUrl: specPath,
    mockPathOrUrl: pactPath,
    requiredPropertiesInResponse: 'true',
  });
}

/** One line per error: `code [interaction]: message`, for readable test failures. */
export function formatOutcome(outcome: ValidationOutcome): string {
  return outcome.errors
    .map((e) => `${e.code} [${e.mockDetails?.interactionDescription ?? '?'}]: ${e.message}`)
    .join('\n');
}
