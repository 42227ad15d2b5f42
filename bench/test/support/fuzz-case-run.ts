import type { Agent } from 'node:http';
import { rawRequest, rawSocket } from '@connected-apps/testkit';
import { type Answer, answerProblems, errorTypeOf } from './answer-checks.ts';
import { bodyText, type HttpCase } from './fuzz-http-cases.ts';
import type { RawCase, RawMessage } from './fuzz-raw-cases.ts';

/** A generated case: a request sent through node:http, or raw bytes through node:net. */
export type FuzzCase = { http: HttpCase } | { raw: RawCase };

/** One request of a case and the answer it got. */
export interface Exchange extends RawMessage {
  answer: Answer;
}

/** What a case did: its answered requests (checked later against the log and Stytch's request log) and what was wrong. */
export interface CaseResult {
  kind: string;
  exchanges: Exchange[];
  problems: string[];
  /** Credentials sent, which must never come back or be logged. */
  secrets: string[];
  /** The request, shortened, to quote in a failure. */
  sample: string;
}

/** Strings of `secrets` (16 characters or longer, so no short garbage matches by chance) that occur in `text`. */
export function leaked(text: string, secrets: readonly string[]): number {
  return secrets.filter((s) => s.length >= 16 && text.includes(s)).length;
}

const HTTP_DEADLINE_MS = 8000;
const RAW_DEADLINE_MS = 5000;

/** Sends an {@link HttpCase} over a keep-alive agent and checks its answer. */
export async function runHttpCase(
  url: string,
  c: HttpCase,
  agent: Agent,
  secrets: readonly string[],
): Promise<CaseResult> {
  const result: CaseResult = {
    kind: 'http',
    exchanges: [],
    problems: [],
    secrets: c.sentSecrets,
    sample: `${c.method} ${c.path.slice(0, 160)}`,
  };
  try {
    const res = await rawRequest(url, c.method, c.path, c.headers, bodyText(c.body), {
      timeoutMs: HTTP_DEADLINE_MS,
      agent,
    });
    const answer: Answer = { status: res.status, headers: res.headers, text: res.text };
    result.exchanges.push({ method: c.method, target: c.path, actsFor: c.actsFor, answer });
    result.problems.push(...answerProblems(c.method, c.path, answer));
    if (leaked(`${JSON.stringify(res.headers)}\n${res.text}`, [...secrets, ...c.sentSecrets])) {
      result.problems.push('the answer echoes a secret or token');
    }
  } catch (error) {
    result.problems.push(`no answer: ${(error as Error).message.split(':')[0]}`);
  }
  return result;
}

/**
 * Writes raw bytes and reads every answer until the server closes the connection (every raw case makes
 * it close: each message says `Connection: close` or is one the parser refuses) or the deadline passes.
 */
async function exchange(url: string, bytes: string, halfClose = false) {
  try {
    const res = await rawSocket(url, bytes, { timeoutMs: RAW_DEADLINE_MS, halfClose, untilClose: true });
    const answers = res.responses.map(
      (r): Answer => ({ status: r.status, headers: r.headers, text: r.body }),
    );
    return { answers, leftover: res.leftover, closed: res.closed };
  } catch {
    // Reset before a single byte came back: closed, with no answer.
    return { answers: [], leftover: '', closed: true };
  }
}

/** `403 user_forbidden`, `200`, or `nothing`. */
const describe = (a: Answer | undefined) =>
  a ? [a.status, errorTypeOf(a)].filter(Boolean).join(' ') : 'nothing';

const sameAnswer = (a: Answer, b: Answer | undefined) =>
  b !== undefined && a.status === b.status && errorTypeOf(a) === errorTypeOf(b);

/**
 * Writes a {@link RawCase} over node:net and checks what came back: the server closes within the
 * deadline, each request gets at most one answer (one more would be a smuggled request), every answer
 * is in the catalogue with the documented headers, refusals have their status, and a case with a
 * well-formed reference answers like it (or is refused, where allowed).
 */
export async function runRawCase(url: string, c: RawCase, secrets: readonly string[]): Promise<CaseResult> {
  const result: CaseResult = {
    kind: c.kind,
    exchanges: [],
    problems: [],
    secrets: c.sentSecrets,
    sample: JSON.stringify(c.bytes.slice(0, 160)),
  };
  const sent = await exchange(url, c.bytes, c.halfClose);
  const { answers } = sent;
  if (!sent.closed) result.problems.push(`the connection was still open after ${RAW_DEADLINE_MS} ms`);
  if (answers.length === 0) result.problems.push('no answer before the connection closed');
  if (answers.length > c.messages.length)
    result.problems.push(`${answers.length} answers to ${c.messages.length} request(s)`);
  if (sent.leftover)
    result.problems.push(`bytes after the last whole answer: ${JSON.stringify(sent.leftover.slice(0, 80))}`);
  answers.forEach((answer, i) => {
    const m = c.messages[i] ?? c.messages.at(-1)!;
    result.exchanges.push({ ...m, answer });
    const which = c.messages.length > 1 ? `answer ${i + 1}: ` : '';
    result.problems.push(...answerProblems(m.method, m.target, answer).map((p) => `${which}${p}`));
  });
  const answered = answers.map((a) => `${JSON.stringify(a.headers)}\n${a.text}`).join('\n');
  if (leaked(answered, [...secrets, ...c.sentSecrets])) {
    result.problems.push('an answer echoes a secret or token');
  }
  const [first, ...later] = answers;
  if (c.reference !== undefined && first) {
    const ref = await exchange(url, c.reference);
    const refAnswer = ref.answers[0];
    if (refAnswer) result.exchanges.push({ ...c.messages[0]!, answer: refAnswer });
    if (!sameAnswer(first, refAnswer) && !c.refuse?.includes(first.status)) {
      result.problems.push(`answered ${describe(first)}, the well-formed request ${describe(refAnswer)}`);
    }
    for (const a of later)
      if (a.status !== 400) result.problems.push(`the garbage after it was answered ${a.status}`);
  } else if (c.refuse) {
    for (const a of answers)
      if (!c.refuse.includes(a.status))
        result.problems.push(`answered ${a.status}, not refused (${c.refuse.join('/')})`);
  }
  return result;
}
