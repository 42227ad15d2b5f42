import { describe, expect, it } from 'vitest';
import { describeAuditDatabase, parseAuditDatabase } from './audit-database.ts';

describe('parseAuditDatabase', () => {
  it.each([
    ['file:./audit.db', { engine: 'sqlite', path: './audit.db' }],
    ['file:audit.db', { engine: 'sqlite', path: 'audit.db' }],
    ['file:/var/lib/proxy/audit.db', { engine: 'sqlite', path: '/var/lib/proxy/audit.db' }],
    ['file:///var/lib/proxy/audit%20trail.db', { engine: 'sqlite', path: '/var/lib/proxy/audit trail.db' }],
    [
      'postgres://audit:pw@db.internal:5432/audit',
      { engine: 'postgres', url: 'postgres://audit:pw@db.internal:5432/audit' },
    ],
    ['postgresql://db/audit', { engine: 'postgres', url: 'postgresql://db/audit' }],
    [
      'postgres:///audit?host=/var/run/postgresql',
      { engine: 'postgres', url: 'postgres:///audit?host=/var/run/postgresql' },
    ],
  ])('reads %s', (raw, expected) => {
    expect(parseAuditDatabase(raw)).toEqual(expected);
  });

  it.each(['file:', 'file:./dir/', 'mysql://db/audit', 'postgres://', './audit.db', 'sqlite:audit.db'])(
    'refuses %s',
    (raw) => {
      expect(parseAuditDatabase(raw)).toBeUndefined();
    },
  );

  it('describes PostgreSQL by host and database, never its password', () => {
    const database = parseAuditDatabase('postgres://audit:hunter2@db.internal:5432/audit');
    expect(database && describeAuditDatabase(database)).toBe('postgres db.internal:5432/audit');
  });
});
