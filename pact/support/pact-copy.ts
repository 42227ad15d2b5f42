import { readFileSync, writeFileSync } from 'node:fs';

interface PactBody {
  content?: Record<string, unknown>;
}
interface PactInteraction {
  description: string;
  request: { path: string };
  response: { body?: PactBody; matchingRules?: { body?: Record<string, unknown> } };
}
interface PactFile {
  interactions: PactInteraction[];
}

/**
 * Writes a copy of a pact in which one interaction's expected answer names a top-level response field
 * differently (its value and matching rule kept): a provider that still answers with the old name then
 * no longer gives what the pact pins, as when a provider renames or drops a field.
 */
export function writePactWithRenamedField(
  source: string,
  target: string,
  change: { interaction: string; field: string; renamedTo: string },
): void {
  const pact = JSON.parse(readFileSync(source, 'utf8')) as PactFile;
  const interaction = pact.interactions.find((i) => i.description === change.interaction);
  const content = interaction?.response.body?.content;
  if (!interaction || !content || !(change.field in content)) {
    throw new Error(`${source} has no interaction "${change.interaction}" answering "${change.field}"`);
  }
  const { [change.field]: value, ...rest } = content;
  interaction.response.body = {
    ...interaction.response.body,
    content: { ...rest, [change.renamedTo]: value },
  };
  const rules = interaction.response.matchingRules?.body;
  const rule = rules?.[`$.${change.field}`];
  if (rules && rule) {
    delete rules[`$.${change.field}`];
    rules[`$.${change.renamedTo}`] = rule;
  }
  writeFileSync(target, JSON.stringify(pact, null, 2));
}

/**
 * Writes a copy of a pact holding only the interactions `keep` selects, and returns how many it holds:
 * a pact whose interactions two descriptions share between them is checked against each in its part.
 */
export function writePactSubset(
  source: string,
  target: string,
  keep: (interaction: { description: string; request: { path: string } }) => boolean,
): number {
  const pact = JSON.parse(readFileSync(source, 'utf8')) as PactFile;
  pact.interactions = pact.interactions.filter(keep);
  writeFileSync(target, JSON.stringify(pact, null, 2));
  return pact.interactions.length;
}
