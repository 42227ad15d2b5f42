import type { Command } from '../args/parse-command.ts';
import type { CliIo } from '../cli-io.ts';
import { readCredentials } from '../config/credentials.ts';
import { EXIT } from '../errors/exit-codes.ts';
import { createCliClient } from '../stytch/create-client.ts';

/**
 * `connected-apps list --user <id>`: the apps the user has granted, one per line
 * (`id  client_type  name  scopes`), or with `--json` Stytch's answer plus the user id.
 * A Stytch error propagates (the caller prints it, exit 1).
 */
export async function listCommand(command: Extract<Command, { name: 'list' }>, io: CliIo): Promise<number> {
  const client = createCliClient(readCredentials(io.env), command.limits, () => undefined);
  try {
    const { user_id } = command;
    const { request_id, connected_apps } = await client.stytch.users.connectedApps({ user_id });
    if (command.json) {
      io.stdout.write(`${JSON.stringify({ command: 'list', user_id, request_id, connected_apps })}\n`);
    } else {
      for (const app of connected_apps) {
        io.stdout.write(`${app.connected_app_id}  ${app.client_type}  ${app.name}  ${app.scopes_granted}\n`);
      }
      io.stderr.write(
        `${connected_apps.length} connected app(s) for ${user_id} [request_id: ${request_id}]\n`,
      );
    }
    return EXIT.ok;
  } finally {
    await client.close();
  }
}
