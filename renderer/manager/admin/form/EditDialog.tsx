// The dialog every add and edit form of the manager area opens in: the fields, the API's
// refusal, and Save. Saving closes it; the screen behind says "Saved.".
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiErrorBody } from '../../../api/client';
import { Dialog } from '../../../ui/Dialog';
import { useManagerText } from '../../i18n';
import { formErrors, noErrors, type FormErrors } from './form-errors';

type Outcome = { ok: true } | { ok: false; error: ApiErrorBody };

/** The form's errors, and a submit that records them or reports success. */
export function useSave<F extends string>(fields: readonly F[]) {
  const [errors, setErrors] = useState<FormErrors<F>>(noErrors);
  const [busy, setBusy] = useState(false);
  async function save(request: () => Promise<Outcome>, onSaved: () => void) {
    setBusy(true);
    const result = await request();
    setBusy(false);
    if (result.ok) return onSaved();
    setErrors(formErrors(result.error, fields));
  }
  return { errors, busy, save };
}

interface EditDialogProps {
  title: string;
  errors: FormErrors<string>;
  busy: boolean;
  onSubmit(): void;
  onClose(): void;
  children: ReactNode;
}

export function EditDialog({ title, errors, busy, onSubmit, onClose, children }: EditDialogProps) {
  const { t } = useManagerText();
  const form = useRef<HTMLFormElement>(null);
  // After a refused save, the keyboard lands on the first field to fix (or the message).
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
  }, [errors]);
  const hasFieldErrors = Object.keys(errors.fields).length > 0;
  const message = errors.message ?? (hasFieldErrors ? t('form.checkFields') : null);
  return (
    <Dialog title={title} onClose={onClose}>
      <form ref={form} aria-label={title} noValidate onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}>
        {children}
        {message ? <p role="alert" tabIndex={-1} className="message message-error">{message}</p> : null}
        <div className="step-buttons">
          <button type="button" className="button-secondary" onClick={onClose}>{t('form.cancel')}</button>
          <button type="submit" className="button-primary" disabled={busy}>{t('common.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
