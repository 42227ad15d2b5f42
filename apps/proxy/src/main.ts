#!/usr/bin/env node
import { ConfigError } from './config/config-error.ts';
import { loadConfig } from './config/load-config.ts';
import { startProxy } from './server/start-proxy.ts';

// `connected-apps-proxy audit export …` is the operator's export; anything else starts the proxy.
if (process.argv[2] === 'audit') {
  const { runAuditCommand } = await import('./cli/audit-export.ts');
  process.exit(await runAuditCommand(process.argv.slice(3), process.env));
}

// CLI entry: configuration from the environment, graceful stop on SIGTERM/SIGINT.
try {
  const config = loadConfig(process.env);
  const running = await startProxy(config);
  const shutdown = () => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `The proxy failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
}
