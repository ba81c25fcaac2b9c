// A labelled control with its hint and the API's message about it, tied together with
// aria-describedby so a screen reader reads the message on reaching the control.
import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  children(control: ControlProps): ReactNode;
}

export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="form-field">
      <label className="field-label" htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
    </div>
  );
}

interface CheckListProps {
  legend: string;
  options: readonly { id: string; label: string }[];
  checked: readonly string[];
  onChange(checked: string[]): void;
  error?: string | undefined;
  hint?: string;
}

/** Several ids picked from a list, as checkboxes in a named group. */
export function CheckList({ legend, options, checked, onChange, error, hint }: CheckListProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="form-field check-list" aria-describedby={described || undefined}>
      <legend className="field-label">{legend}</legend>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      {options.map((o) => (
        <label key={o.id} className="check">
          <input type="checkbox" checked={checked.includes(o.id)}
            onChange={(e) => onChange(e.target.checked ? [...checked, o.id] : checked.filter((c) => c !== o.id))} />
          {o.label}
        </label>
      ))}
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
    </fieldset>
  );
}
