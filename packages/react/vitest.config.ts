import { workspaceConfig } from '../../vitest.shared.ts';

const include = ['test/**/*.test.{ts,tsx}'];

// The same suite runs twice: once on the installed React 19, once with every `react`/`react-dom`
// import of our code and tests redirected to the `react-18`/`react-dom-18` aliases.
const react18Aliases = [
  { find: /^react$/, replacement: 'react-18' },
  { find: /^react\/(.*)$/, replacement: 'react-18/$1' },
  { find: /^react-dom$/, replacement: 'react-dom-18' },
  { find: /^react-dom\/(.*)$/, replacement: 'react-dom-18/$1' },
];

export default workspaceConfig('react', {
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'react-19',
          environment: 'jsdom',
          // Every test makes its own users, clients and render root, so files can share a worker and
          // its jsdom: building a jsdom per file was a third of this suite's time.
          isolate: false,
          include,
          globalSetup: ['./test/support/global-setup.ts'],
          env: { EXPECTED_REACT_MAJOR: '19' },
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        resolve: { alias: react18Aliases },
        test: {
          name: 'react-18',
          environment: 'jsdom',
          isolate: false,
          include,
          globalSetup: ['./test/support/global-setup.ts'],
          // Dependencies load outside Vite (testing-library, react-dom itself): redirect them too.
          setupFiles: ['./test/support/use-react-18.ts'],
          env: { EXPECTED_REACT_MAJOR: '18' },
        },
      },
    ],
  },
});
