#!/usr/bin/env node
/**
 * `stytch-emulator`: runs the emulator until SIGINT/SIGTERM. Prints the URL on the first line and the
 * credentials on the second, so scripts can read them.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import closeWithGrace from 'close-with-grace';
import { DEFAULT_HOST, DEFAULT_PROJECT_ID, DEFAULT_SECRET } from './defaults.ts';
import { type StartOptions, start } from './start.ts';

/** The CLI's port when none is given: fixed, so a local stack finds the emulator where it left it. */
const DEFAULT_CLI_PORT = 9010;

const USAGE = `Usage: stytch-emulator [options]

  --port <n>                 port to listen on, 0 for any free port (default ${DEFAULT_CLI_PORT})
  --host <address>           interface to bind (default ${DEFAULT_HOST})
  --fixtures <file>          fixture JSON to load at start
  --project-id <id>          project id clients must use (default ${DEFAULT_PROJECT_ID})
  --secret <secret>          secret clients must use (default: the built-in test secret)
  --tls-cert <file>          serve HTTPS with this PEM certificate (needs --tls-key)
  --tls-key <file>           PEM private key of the certificate
  --signing-key <file>       PKCS#8 PEM of the RS256 session-JWT key (default: generated at start)
  --custom-domain <url>      the project's custom domain: JWTs with it as iss authenticate too
  --control-from-any-address let non-loopback clients use /_emulator (default: loopback only)
  --log-requests             print one line per request to stderr
  -h, --help                 show this help
`;

function fail(message: string): never {
  process.stderr.write(`stytch-emulator: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const values = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        fixtures: { type: 'string' },
        'project-id': { type: 'string' },
        secret: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'signing-key': { type: 'string' },
        'custom-domain': { type: 'string' },
        'control-from-any-address': { type: 'boolean' },
        'log-requests': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const port = values.port === undefined ? DEFAULT_CLI_PORT : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be an integer from 0 to 65535.`);
if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) {
  fail('--tls-cert and --tls-key go together.');
}
const readText = (flag: string, path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return fail(`cannot read ${flag} ${path}: ${(error as Error).message}`);
  }
};

const options: StartOptions = {
  port,
  host: values.host ?? DEFAULT_HOST,
  projectId: values['project-id'] ?? DEFAULT_PROJECT_ID,
  secret: values.secret ?? DEFAULT_SECRET,
  controlFromAnyAddress: values['control-from-any-address'] ?? false,
  logRequests: values['log-requests'] ?? false,
};
if (values.fixtures !== undefined) options.fixtures = values.fixtures;
if (values['custom-domain'] !== undefined) options.customDomain = values['custom-domain'];
if (values['tls-cert'] !== undefined && values['tls-key'] !== undefined) {
  options.tls = {
    cert: readText('--tls-cert', values['tls-cert']),
    key: readText('--tls-key', values['tls-key']),
  };
}
if (values['signing-key'] !== undefined)
  options.signingKey = readText('--signing-key', values['signing-key']);

let emulator: Awaited<ReturnType<typeof start>>;
try {
  emulator = await start(options);
} catch (error) {
  process.stderr.write(`stytch-emulator: could not start: ${(error as Error).message}\n`);
  process.exit(1);
}
// Installed before the banner, so a script that stops the emulator as soon as it reads the URL still
// gets a clean stop. close-with-grace stops on SIGINT, SIGTERM and the other termination signals, and on
// a crash; a second signal, or a stop that takes over 10 s, exits 1 at once.
closeWithGrace(
  { logger: { error: (message) => process.stderr.write(`stytch-emulator: ${message}\n`) } },
  async ({ err }) => {
    if (err) process.stderr.write(`stytch-emulator: unexpected error: ${err.message}\n`);
    await emulator.stop();
  },
);
process.stdout.write(`stytch-emulator listening on ${emulator.url}\n`);
process.stdout.write(
  `credentials: STYTCH_PROJECT_ID=${emulator.projectId} STYTCH_SECRET=${emulator.secret}\n`,
);
