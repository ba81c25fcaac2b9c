// The role x operation matrix (role-matrix.ts) is the one statement of who may call what:
// every operation the router serves is classified there, and each operation declares the
// same roles. permissions.test.ts then calls every operation for real as every role.
import { describe, expect, it } from 'vitest';
import { operationAccess } from './role-matrix';
import { operations, type OperationName } from './router';

const names = Object.keys(operationAccess) as OperationName[];

describe('the role x operation matrix', () => {
  it('classifies every operation the router serves, and nothing else', () => {
    expect(names.sort()).toEqual(Object.keys(operations).sort());
  });

  it('matches the roles each operation declares', () => {
    for (const op of names) expect([op, operations[op].roles]).toEqual([op, operationAccess[op]]);
  });
});
