// An API refusal split for a form: each validation message beside the field it names (the
// router reports `{path, message}` per issue), and whatever names no field of this form as
// one message above the buttons.
import type { ApiErrorBody } from '../../../api/client';

export interface FormErrors<F extends string> {
  /** Said above the buttons; null when every message sits beside its field. */
  message: string | null;
  fields: Partial<Record<F, string>>;
}

export const noErrors = { message: null, fields: {} } as const;

interface Issue {
  path: string;
  message: string;
}

function issuesOf(error: ApiErrorBody): Issue[] {
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (error.code !== 'invalid_input' || !Array.isArray(issues)) return [];
  return issues.filter((i): i is Issue => typeof i?.path === 'string' && typeof i?.message === 'string');
}

/** `requiredResources.1.0` belongs to the field `requiredResources`: a field owns its path and everything under it. */
function fieldOf<F extends string>(path: string, fields: readonly F[]): F | undefined {
  return fields.find((f) => path === f || path.startsWith(`${f}.`));
}

export function formErrors<F extends string>(error: ApiErrorBody, fields: readonly F[]): FormErrors<F> {
  const issues = issuesOf(error);
  if (issues.length === 0) return { message: error.message, fields: {} };
  const byField: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path, fields);
    if (field === undefined) unplaced.push(issue.message);
    else byField[field] ??= issue.message;
  }
  return { message: unplaced.length > 0 ? unplaced.join(' ') : null, fields: byField };
}
