/** The page events {@link journalPage} listens to (playwright-core's `Page` has them). */
export interface JournaledPage {
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): unknown;
  on(event: 'pageerror', listener: (error: Error) => void): unknown;
  on(
    event: 'requestfailed',
    listener: (request: { method(): string; url(): string; failure(): { errorText: string } | null }) => void,
  ): unknown;
  on(
    event: 'response',
    listener: (response: { status(): number; url(): string; request(): { method(): string } }) => void,
  ): unknown;
  innerText(selector: string, options?: { timeout?: number }): Promise<string>;
}

/** What a page did, kept so that a failed wait can say it. */
export interface PageJournal {
  /** The page's requests and their answers, console errors and warnings, and uncaught errors, in order. */
  events(): readonly string[];
  /**
   * Runs `wait`; if it throws, throws an error carrying what the page shows, what it did, and
   * `context()` (for example the server's log), so a timeout in CI says why without a rerun.
   */
  explainFailure<T>(wait: () => Promise<T>, context?: () => string): Promise<T>;
}

const MAX_EVENTS = 200;

/**
 * Records what `page` does from now on: every response (status, method, URL), failed request, console
 * error or warning and uncaught error. A browser wait that times out otherwise says only which element
 * never came; this says whether the page's request failed, answered an error or never ended.
 *
 * @example
 * const journal = journalPage(page);
 * await page.goto(url);
 * await journal.explainFailure(() => page.getByRole('listitem').first().waitFor(), () => server.output());
 */
export function journalPage(page: JournaledPage): PageJournal {
  const events: string[] = [];
  const started = Date.now();
  const add = (line: string) => {
    events.push(`+${Date.now() - started} ms ${line}`);
    if (events.length > MAX_EVENTS) events.shift();
  };
  page.on('response', (response) =>
    add(`${response.status()} ${response.request().method()} ${response.url()}`),
  );
  page.on('requestfailed', (request) =>
    add(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'unknown'}`),
  );
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      add(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => add(`uncaught: ${error.stack ?? error.message}`));

  return {
    events: () => events,
    async explainFailure(wait, context) {
      try {
        return await wait();
      } catch (error) {
        const shown = await page
          // biome-ignore lint/performance/useDomNodeTextContent: Playwright's, and what the page shows is the point (hidden text left out)
          .innerText('body', { timeout: 2000 })
          .catch((reason: unknown) => `(unreadable: ${String(reason)})`);
        const parts = [
          error instanceof Error ? error.message : String(error),
          `--- the page shows:\n${shown}`,
          `--- what the page did:\n${events.join('\n') || '(nothing)'}`,
          ...(context ? [`--- context:\n${context()}`] : []),
        ];
        throw new Error(parts.join('\n'), { cause: error });
      }
    },
  };
}
