#!/usr/bin/env node
import { main } from './main.ts';

// Pact's verifier proxy (http-proxy) calls Node's deprecated `util._extend`: a warning its user
// can do nothing about, printed in the middle of the verification's report.
process.noDeprecation = true;

// The same proxy throws, outside any promise, when the backend drops a connection mid-verification:
// say so in one line and fail, rather than end on a stack trace.
process.on('uncaughtException', (error) => {
  process.stderr.write(`\n✗ The verification could not run: ${error.message}\n`);
  process.exit(1);
});

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
