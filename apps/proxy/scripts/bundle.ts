/**
 * Writes `dist/connected-apps-proxy.mjs`: the CLI entry (`src/main.ts`) and everything it imports —
 * core, hono, jose, pino, undici and any engine the Node entry loads lazily — in one ES module that
 * starts with `node connected-apps-proxy.mjs` from a directory with no `node_modules`. Node's
 * built-ins (`node:sqlite` among them) stay imports; anything else left outside the file fails the
 * build.
 *
 *   node scripts/bundle.ts      # part of `pnpm build`; prints the file's size raw and gzipped
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE_PATH = `${root}dist/connected-apps-proxy.mjs`;
/**
 * The SHA-256 of each of our source files in the bundle, by path from this package: the bundle's
 * tests compare them with the files as they are now, to refuse a bundle older than its sources.
 */
export const BUNDLE_INPUTS_PATH = `${root}dist/connected-apps-proxy.inputs.json`;

/**
 * Optional native add-ons their packages load only when asked for (`pg.native`); the bundle never
 * asks, and they cannot be inlined into JavaScript anyway.
 */
const OPTIONAL_NATIVE = ['pg-native'];

/**
 * CommonJS packages inside an ES module call `require` for Node's built-ins: esbuild's output needs a
 * real one, and the two module-scope names CommonJS code may read.
 */
const BANNER = [
  "import { createRequire as __createRequire } from 'node:module';",
  "import { fileURLToPath as __fileURLToPath } from 'node:url';",
  'const require = __createRequire(import.meta.url);',
  'const __filename = __fileURLToPath(import.meta.url);',
  "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
].join('\n');

/**
 * Core's Node transport imports only `Agent` from undici, but undici's index loads all of undici
 * (mocks, caches, WebSocket, fetch: about a megabyte of source parsed at every start). Here `Agent`
 * comes from its own module; a name other than `Agent` imported from undici fails the build.
 */
export const undiciAgentOnly: Plugin = {
  name: 'undici-agent-only',
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, (args) => ({
      path: 'undici',
      namespace: 'undici-agent-only',
      pluginData: args.resolveDir,
    }));
    b.onLoad({ filter: /.*/, namespace: 'undici-agent-only' }, (args) => ({
      contents: "import Agent from 'undici/lib/dispatcher/agent.js';\nexport { Agent };\n",
      resolveDir: args.pluginData as string,
      loader: 'js',
    }));
  },
};

/**
 * undici's client requires its HTTP/2 half (`client-h2.js`) when it loads, and that file requires
 * `node:http2` (with `node:tls` under it) at once: ~10 ms of every start, for a protocol used only
 * once a TLS connection to Stytch negotiates h2. Here the client gets a function that loads the HTTP/2
 * half on its first call: esbuild evaluates a bundled CommonJS module when it is first required.
 */
export const lazyHttp2: Plugin = {
  name: 'lazy-undici-http2',
  setup(b) {
    b.onResolve({ filter: /^\.\/client-h2\.js$/ }, (args) => {
      if (args.namespace === 'lazy-undici-http2' || !args.importer.includes('/undici/')) return undefined;
      return { path: args.path, namespace: 'lazy-undici-http2', pluginData: args.resolveDir };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-undici-http2' }, (args) => ({
      // The one export undici's client uses: `connectH2(client, socket)`.
      contents: "module.exports = (client, socket) => require('./client-h2.js')(client, socket);\n",
      resolveDir: args.pluginData as string,
      loader: 'js',
    }));
  },
};

/**
 * An ES `import … from 'node:http'` makes Node build the module's ES facade, which reads every lazy
 * export — and `node:http`'s WebSocket getters load Node's own copy of undici, tens of milliseconds
 * of a cold start. Built-ins are therefore `require`d (as CommonJS reads them: on first use only).
 */
export const builtinsByRequire: Plugin = {
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      // `require` calls (CommonJS, and the module below) keep esbuild's default: external.
      if (!isBuiltin(args.path) || args.kind !== 'import-statement') return undefined;
      return { path: args.path, namespace: 'builtins-by-require' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtins-by-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Bundles the CLI entry into {@link BUNDLE_PATH} and returns its size.
 *
 * @example
 * const { bytes, gzipBytes } = await bundleProxy();
 */
export async function bundleProxy(): Promise<{ bytes: number; gzipBytes: number }> {
  const result = await build({
    // Paths in the metafile are relative to it: this package's folder.
    absWorkingDir: root,
    entryPoints: ['src/main.ts'],
    outfile: BUNDLE_PATH,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Workspace packages from their TypeScript, as the tests run them: no build of core needed first.
    conditions: ['@connected-apps/source'],
    minify: true,
    legalComments: 'none',
    // undici's switch for bundled builds (Node's own copy sets it too): its experimental Milo HTTP/1
    // parser, two WebAssembly builds inlined as base64 (~165 kB of the file), is left out; llhttp,
    // its default parser, stays.
    define: { esbuildDetection: 'true' },
    banner: { js: BANNER },
    external: OPTIONAL_NATIVE,
    plugins: [undiciAgentOnly, lazyHttp2, builtinsByRequire],
    metafile: true,
    write: true,
    logLevel: 'warning',
  });
  const outside = Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((i) => i.external && !isBuiltin(i.path) && !OPTIONAL_NATIVE.includes(i.path))
    .map((i) => i.path);
  if (outside.length > 0) {
    throw new Error(`the bundle would import from node_modules: ${[...new Set(outside)].join(', ')}`);
  }
  // Files only: the plugins' modules are named `namespace:path`.
  const ours = Object.keys(result.metafile.inputs).filter(
    (input) => !input.includes('node_modules/') && !/^[\w-]+:/.test(input),
  );
  const hashes = await Promise.all(
    ours.map(async (input) => [input, sha256(await readFile(`${root}${input}`))]),
  );
  await writeFile(BUNDLE_INPUTS_PATH, `${JSON.stringify(Object.fromEntries(hashes), null, 2)}\n`);
  const code = await readFile(BUNDLE_PATH);
  return { bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bytes, gzipBytes } = await bundleProxy();
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`dist/connected-apps-proxy.mjs: ${kB(bytes)}, ${kB(gzipBytes)} gzipped`);
}
