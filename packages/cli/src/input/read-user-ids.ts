import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
 * Reads a `--users` file (`file` as the operator wrote it, relative to `cwd`). Throws a `CliError`
 * (`unreadable_file`, `invalid_ids`) naming the file, and for ids, each bad line by number.
 */
export function readUserIds(file: string, cwd: string): UserIdList {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError('unreadable_file', `Cannot read the --users file ${file} (${reason}).`);
  }
  return parseUserIds(text, file);
}

/**
 * The user ids of a `--users` document: CSV (with a `user_id` column) when its first line has a
 * comma or is `user_id`, else one id per line. Blank lines are skipped and ids trimmed; every id is checked with the path-parameter rule.
 *
 * @example
 * parseUserIds('user_id,email\nuser-test-1,a@example.com\n', 'users.csv').ids; // ['user-test-1']
 */
export function parseUserIds(text: string, source: string): UserIdList {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const csv = isCsv(body);
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

// A Stytch user id or external id never holds a comma, so a comma on the first line means CSV.
function isCsv(body: string): boolean {
  const first = body.split('\n').find((line) => line.trim() !== '');
  return first !== undefined && (first.includes(',') || first.trim() === 'user_id');
}

function csvRows(body: string, source: string): Row[] {
  const header = (names: string[]) => {
    if (!names.includes('user_id')) {
      throw new CliError('invalid_ids', `${source} is CSV without a user_id column.`, { file: source });
    }
    return names;
  };
  try {
    const options = { columns: header, bom: true, trim: true, skip_empty_lines: true, info: true };
    const records = parse(body, options) as { record: Record<string, string>; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, id: record.user_id ?? '' }));
  } catch (error) {
    if (error instanceof CliError) throw error;
    const line = (error as { lines?: number }).lines;
    const where = line === undefined ? '' : ` at line ${line}`;
    throw new CliError('invalid_ids', `${source} is not valid CSV${where}: ${(error as Error).message}`, {
      file: source,
    });
  }
}
