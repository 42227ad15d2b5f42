/** `connected-apps-contracts --help`. */
export const USAGE = `Usage: connected-apps-contracts verify --provider-base-url <url> --provider-states-setup-url <url> [options]

Verifies a backend against the pact of @connected-apps/react and its backend
(connected-apps-react -> connected-apps-proxy) with Pact's verifier. Exit code 0 when the backend
honours every interaction, 1 otherwise.

  --provider-base-url <url>          where the backend serves the pact's paths (they start with /api)
  --provider-states-setup-url <url>  the backend's endpoint that sets up each provider state
  --pact <file or url>               verify this pact instead of the one this package ships
  --broker-url <url>                 take the pacts from this Pact Broker instead (or PACT_BROKER_BASE_URL);
                                     credentials from PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME/PASSWORD
  --provider-name <name>             the backend's name in the broker (default connected-apps-proxy)
  --provider-version <version>       the backend's version, e.g. its git commit (needed to publish)
  --provider-branch <branch>         the backend's branch, recorded with a published result
  --publish                          publish the result to the broker
  --log-level <level>                Pact's own log: error (default), warn, info, debug, trace
  -h, --help                         this text
`;
