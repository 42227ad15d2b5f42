// The package names `lib/api-types.d.ts` as its types but does not ship it; this is the part we call.
declare module '@pactflow/swagger-mock-validator' {
  export interface ValidationIssue {
    code: string;
    message: string;
    type: 'error' | 'warning';
    source: string;
    mockDetails?: { interactionDescription?: string; interactionState?: string; location?: string };
    specDetails?: { location?: string; pathMethod?: string; pathName?: string };
  }
  export interface ValidationOutcome {
    success: boolean;
    failureReason?: string;
    errors: ValidationIssue[];
    warnings: ValidationIssue[];
  }
  export interface ValidateOptions {
    specPathOrUrl: string;
    mockPathOrUrl: string;
    /** Read as the string `'true'`; anything else, a boolean included, means false. */
    additionalPropertiesInResponse?: 'true' | 'false';
    /** Read as the string `'true'`; anything else, a boolean included, means false. */
    requiredPropertiesInResponse?: 'true' | 'false';
  }
  export interface SwaggerMockValidator {
    validate(options: ValidateOptions): Promise<ValidationOutcome>;
  }
  export const SwaggerMockValidatorFactory: { create(auth?: string): SwaggerMockValidator };
}
