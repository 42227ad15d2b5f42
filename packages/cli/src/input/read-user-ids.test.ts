import { describe, expect, it } from 'vitest';
import { isCliError } from '../errors/cli-error.ts';
import { parseUserIds } from './read-user-ids.ts';

function problem(text: string): string {
  try {
    parseUserIds(text, 'users.txt');
  } catch (error) {
    if (isCliError(error)) return `${error.error_type}: ${error.error_message}`;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

describe('parseUserIds', () => {
  it('reads one id per line: BOM, CRLF, blank lines and surrounding spaces aside; repeats once', () => {
    const list = parseUserIds('\uFEFFuser-test-1\r\n\r\n  user-test-2  \nuser-test-1\nexternal|id.2\n', 'u');
    expect(list).toEqual({
      ids: ['user-test-1', 'user-test-2', 'external|id.2'],
      duplicates: 1,
      format: 'lines',
    });
  });

  it('reads the user_id column of a CSV file, wherever it stands, quoted or not', () => {
    const csv =
      'email,user_id,note\na@example.com,user-test-1,"has, a comma"\nb@example.com,"user-test-2",\n';
    expect(parseUserIds(csv, 'u.csv')).toEqual({
      ids: ['user-test-1', 'user-test-2'],
      duplicates: 0,
      format: 'csv',
    });
    expect(parseUserIds('user_id\nuser-test-3\n', 'u.csv').ids).toEqual(['user-test-3']);
  });

  it('names every bad line by its number, in plain and CSV files', () => {
    expect(problem('ok-1\n..\n\nok/2\n%41\n')).toBe(
      'invalid_ids: users.txt has 3 invalid user ids:\n' +
        '  line 2: user_id must not be "." or ".."\n' +
        '  line 4: user_id must not contain control characters or / \\ ? # %\n' +
        '  line 5: user_id must not contain control characters or / \\ ? # %',
    );
    expect(problem('user_id,email\nok,a@x\n\n,b@x\n')).toBe(
      'invalid_ids: users.txt has 1 invalid user id:\n  line 4: user_id must not be empty',
    );
    expect(problem(`${'u'.repeat(129)}\n`)).toContain('line 1: user_id must be at most 128 characters');
  });

  it('lists the first 20 bad lines and counts the rest', () => {
    const message = problem(Array.from({ length: 25 }, (_, n) => `bad#${n}`).join('\n'));
    expect(message).toContain('has 25 invalid user ids');
    expect(message).toContain('line 20:');
    expect(message).not.toContain('line 21:');
    expect(message.endsWith('… and 5 more')).toBe(true);
  });

  it('refuses CSV without a user_id column, CSV that does not parse, and a file without ids', () => {
    expect(problem('id,email\nuser-test-1,a@x\n')).toBe(
      'invalid_ids: users.txt is CSV without a user_id column.',
    );
    expect(problem('user_id,email\nuser-test-1,a@x,extra\n')).toMatch(
      /^invalid_ids: users.txt is not valid CSV at line 2/,
    );
    expect(problem('\n \n')).toBe('invalid_ids: users.txt lists no user ids.');
  });
});
