import { EmulatorInputError } from '../domain/input-error.ts';
import type { FaultInput, FaultRecord } from '../types.ts';

/** Injected faults, consumed in the order they were added. */
export class FaultRegistry {
  #faults: FaultRecord[] = [];
  #nextId = 1;

  /** Validates and registers a fault. */
  add(input: FaultInput): FaultRecord {
    const fault = validateFault(input);
    const record: FaultRecord = {
      ...fault,
      fault_id: `fault-${this.#nextId++}`,
      remaining: fault.times ?? 1,
    };
    this.#faults.push(record);
    return { ...record };
  }

  /** The first fault matching the request, with one use consumed; undefined when none applies. */
  take(method: string, path: string): FaultRecord | undefined {
    if (this.#faults.length === 0) return undefined;
    const index = this.#faults.findIndex((fault) => matches(fault, method, path));
    const fault = this.#faults[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.#faults.splice(index, 1);
    return fault;
  }

  list(): FaultRecord[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.#faults = [];
  }
}

function matches(fault: FaultRecord, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false;
  return fault.path.endsWith('*') ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path;
}

function validateFault(input: FaultInput): FaultInput {
  const fail = (message: string): never => {
    throw new EmulatorInputError('bad_request', message);
  };
  if (typeof input.path !== 'string' || !input.path.startsWith('/v1')) {
    fail('path must be a Stytch API path starting with /v1 (faults never apply to the control API).');
  }
  if (input.method !== undefined && typeof input.method !== 'string') fail('method must be a string.');
  if (input.times !== undefined && !(Number.isInteger(input.times) && input.times >= 1)) {
    fail('times must be an integer of at least 1.');
  }
  if (input.latency_ms !== undefined && !(Number.isFinite(input.latency_ms) && input.latency_ms >= 0)) {
    fail('latency_ms must be a non-negative number.');
  }
  if (input.latency_ms !== undefined && input.latency_ms > 120_000)
    fail('latency_ms must be at most 120000.');
  if (
    input.status !== undefined &&
    !(Number.isInteger(input.status) && input.status >= 200 && input.status <= 599)
  ) {
    fail('status must be an HTTP status between 200 and 599.');
  }
  if (input.retry_after !== undefined && !(Number.isInteger(input.retry_after) && input.retry_after >= 0)) {
    fail('retry_after must be a non-negative integer number of seconds.');
  }
  if (input.content_type !== undefined && typeof input.content_type !== 'string')
    fail('content_type must be a string.');
  const effects = [
    input.latency_ms,
    input.status,
    input.retry_after,
    input.drop_connection,
    input.malformed_json,
  ];
  if (effects.every((effect) => effect === undefined || effect === false)) {
    fail('a fault needs at least one of latency_ms, status, retry_after, drop_connection, malformed_json.');
  }
  return input;
}
