import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Consumers write the pacts that the checks, the OpenAPI check and the provider verifications read.
const STAGES = ['/consumers/', '/checks/', '/openapi/', '/providers/'];

function stageOf(file: TestSpecification): number {
  const stage = STAGES.findIndex((dir) => file.moduleId.includes(dir));
  return stage === -1 ? STAGES.length : stage;
}

/** Runs test files stage by stage (consumers, checks, OpenAPI check, providers), by name within a stage. */
export class ContractSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => stageOf(a) - stageOf(b) || a.moduleId.localeCompare(b.moduleId));
  }
}
