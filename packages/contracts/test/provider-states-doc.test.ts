import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPactInteractions } from './support/read-pact.ts';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Each state the pact uses, with the names of its parameters (every interaction's, together). */
function statesInPact(): Map<string, string[]> {
  const states = new Map<string, Set<string>>();
  for (const { providerStates } of readPactInteractions()) {
    for (const { name, params = {} } of providerStates) {
      const names = states.get(name) ?? new Set<string>();
      for (const param of Object.keys(params)) names.add(param);
      states.set(name, names);
    }
  }
  return new Map([...states].map(([name, params]) => [name, [...params].sort()]));
}

/** The README's provider-states table: state → its documented parameters. */
function statesInReadme(): Map<string, string[]> {
  const table = /<!-- provider-states:start -->([\s\S]*?)<!-- provider-states:end -->/.exec(README)?.[1];
  if (table === undefined) throw new Error('README.md has no provider-states table');
  const rows = table.split('\n').filter((line) => /^\| `/.test(line));
  return new Map(
    rows.map((row) => {
      const [state = '', params = ''] = row
        .split('|')
        .slice(1)
        .map((cell) => cell.trim());
      const names = [...params.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
      return [state.replace(/^`|`$/g, ''), names.sort()];
    }),
  );
}

describe("the README's provider states", () => {
  it('are exactly the states the shipped pact uses, each with its parameters', () => {
    const inPact = statesInPact();
    expect(inPact.size).toBeGreaterThan(0);
    expect(Object.fromEntries(statesInReadme())).toEqual(Object.fromEntries(inPact));
  });
});
