import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.ts';
import { loadConfig } from './load-config.ts';

const required = {
  STYTCH_PROJECT_ID: 'project-test-00000000-0000-4000-8000-000000000000',
  STYTCH_SECRET: 'secret-test-abc',
};

function issues(env: Record<string, string>) {
  try {
    loadConfig({ ...required, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  return [];
}

describe('AUDIT_* configuration', () => {
  it('is off by default', () => {
    expect(loadConfig(required)).toMatchObject({
      auditDatabaseUrl: undefined,
      auditRequired: false,
      auditRetentionDays: undefined,
      auditSpoolDir: './audit-spool',
      auditWriteTimeoutMs: 500,
      auditPoolSize: 10,
    });
  });

  it('reads SQLite and PostgreSQL URLs and the rest', () => {
    expect(
      loadConfig({
        ...required,
        AUDIT_DATABASE_URL: 'postgres://audit:pw@db.internal/audit',
        AUDIT_REQUIRED: 'true',
        AUDIT_RETENTION_DAYS: '400',
        AUDIT_SPOOL_DIR: '/var/spool/proxy',
        AUDIT_WRITE_TIMEOUT_MS: '250',
        AUDIT_POOL_SIZE: '4',
      }),
    ).toMatchObject({
      auditDatabaseUrl: 'postgres://audit:pw@db.internal/audit',
      auditRequired: true,
      auditRetentionDays: 400,
      auditSpoolDir: '/var/spool/proxy',
      auditWriteTimeoutMs: 250,
      auditPoolSize: 4,
    });
    expect(loadConfig({ ...required, AUDIT_DATABASE_URL: 'file:./audit.db' }).auditDatabaseUrl).toBe(
      'file:./audit.db',
    );
  });

  it('names each bad variable, never echoing a database URL (it may hold a password)', () => {
    const found = issues({
      AUDIT_DATABASE_URL: 'mysql://root:hunter2@db/audit',
      AUDIT_REQUIRED: 'yes',
      AUDIT_POOL_SIZE: '0',
    });
    expect(found.map((issue) => issue.variable).sort()).toEqual([
      'AUDIT_DATABASE_URL',
      'AUDIT_POOL_SIZE',
      'AUDIT_REQUIRED',
    ]);
    expect(JSON.stringify(found)).not.toContain('hunter2');
  });

  it('refuses AUDIT_REQUIRED and AUDIT_RETENTION_DAYS without a database', () => {
    expect(issues({ AUDIT_REQUIRED: 'true', AUDIT_RETENTION_DAYS: '30' })).toEqual([
      { variable: 'AUDIT_REQUIRED', message: 'needs AUDIT_DATABASE_URL' },
      { variable: 'AUDIT_RETENTION_DAYS', message: 'needs AUDIT_DATABASE_URL' },
    ]);
  });
});
