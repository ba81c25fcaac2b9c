// A modal dialog on the native <dialog>: showModal() makes the rest of the page inert (the
// focus stays inside) and Escape closes it, with no focus-trap code of our own to get wrong.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Wider dialogs for lists (booking, patient panel). */
  size?: 'normal' | 'wide';
  description?: string;
}

export function Dialog({ title, onClose, children, size = 'normal', description }: DialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      // Back where the person was, so the keyboard path continues.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog dialog-${size}`} aria-labelledby={titleId} aria-describedby={description ? descriptionId : undefined}>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button-quiet" onClick={() => onCloseRef.current()} aria-label={t('dialog.closeNamed', { title })}>
          {t('dialog.close')}
        </button>
      </header>
      {description ? <p id={descriptionId} className="dialog-description">{description}</p> : null}
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}

export function ErrorMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="message message-error">
      {message}
    </p>
  );
}
