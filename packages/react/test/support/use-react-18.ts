import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

// pnpm links `react-dom-18` against the workspace's React 19 (its peer), and testing-library imports
// `react-dom` natively, outside Vite's aliases. A Node resolve hook sends every such import to the
// React 18 copies, so one React 18 is all this test file ever sees.
const require = createRequire(import.meta.url);
const targets: Record<string, string> = { react: 'react-18', 'react-dom': 'react-dom-18' };

registerHooks({
  resolve(specifier, context, nextResolve) {
    const match = /^(react|react-dom)(\/.*)?$/.exec(specifier);
    const target = match?.[1] && targets[match[1]];
    if (!target) return nextResolve(specifier, context);
    const url = pathToFileURL(require.resolve(`${target}${match[2] ?? ''}`)).href;
    return { url, format: 'commonjs', shortCircuit: true };
  },
});
