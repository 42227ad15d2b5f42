import { readFileSync } from 'node:fs';
import { pathParamProblem } from '@connected-apps/core/wire';
import { parse } from 'csv-parse/sync';
import { CliError } from '../errors/cli-error.ts';

/** The user ids of a `--users` file, in file order, each once. */
export interface UserIdList {
  ids: string[];
  /** Lines that repeated an id already read (each id is revoked once). */
  duplicates: number;
  format: 'lines' | 'csv';
}

/** How many bad lines an error lists before it only counts the rest. */
const MAX_LISTED_PROBLEMS = 20;

/**
 * Reads a `--users` file. Throws a `CliError` (`unreadable_file`, `invalid_ids`) naming the file,
 * and for ids, each bad line by number.
 */
export function readUserIds(file: string): UserIdList {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError('unreadable_file', `Cannot read the --users file ${file} (${reason}).`);
  }
  return parseUserIds(text, file);
}

/**
 * The user ids of a `--users` document: CSV when its first line has a `user_id` column, else one id
 * per line. Blank lines are skipped and ids trimmed; every id is checked with the path-parameter rule.
 *
 * @example
 * parseUserIds('user_id,email\nuser-test-1,a@example.com\n', 'users.csv').ids; // ['user-test-1']
 */
export function parseUserIds(text: string, source: string): UserIdList {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const csv = isCsvWithUserId(body);
  const rows = csv ? csvRows(body, source) : lineRows(body);
  const problems: string[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const { line, id } of rows) {
    const problem = pathParamProblem(id);
    if (problem !== undefined) problems.push(`line ${line}: user_id ${problem}`);
    else if (seen.has(id)) duplicates++;
    else seen.add(id);
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    const more = problems.length - listed.length;
    const tail = more > 0 ? `\n  … and ${more} more` : '';
    throw new CliError(
      'invalid_ids',
      `${source} has ${problems.length} invalid user id${problems.length === 1 ? '' : 's'}:\n  ${listed.join('\n  ')}${tail}`,
      { file: source, problems: problems.length },
    );
  }
  if (seen.size === 0) throw new CliError('invalid_ids', `${source} lists no user ids.`);
  return { ids: [...seen], duplicates, format: csv ? 'csv' : 'lines' };
}

interface Row {
  line: number;
  id: string;
}

function lineRows(body: string): Row[] {
  const rows: Row[] = [];
  body.split('\n').forEach((raw, index) => {
    const id = raw.replace(/\r$/, '').trim();
    if (id !== '') rows.push({ line: index + 1, id });
  });
  return rows;
}

function isCsvWithUserId(body: string): boolean {
  const first = body.split('\n').find((line) => line.trim() !== '');
  if (first === undefined || !first.includes(',')) return first?.trim() === 'user_id';
  try {
    const [header] = parse(first, { trim: true }) as string[][];
    return header?.includes('user_id') ?? false;
  } catch {
    return false;
  }
}

function csvRows(body: string, source: string): Row[] {
  try {
    const records = parse(body, {
      columns: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, id: record.user_id ?? '' }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const where = line === undefined ? '' : ` at line ${line}`;
    throw new CliError('invalid_ids', `${source} is not valid CSV${where}: ${(error as Error).message}`, {
      file: source,
    });
  }
}
