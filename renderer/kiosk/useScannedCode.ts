// A USB scanner is a keyboard: it types the slip's confirmation code and presses Enter. On the
// welcome screen nothing has focus yet, so collect those keys here and treat them as a code.
import { useEffect, useRef } from 'react';

const shortestCode = 4;

export function useScannedCode(onCode: (code: string) => void): void {
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  });

  useEffect(() => {
    let typed = '';
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea')) return;
      if (event.key === 'Enter') {
        if (typed.length >= shortestCode) {
          event.preventDefault();
          latest.current(typed);
        }
        typed = '';
      } else if (/^[a-z0-9-]$/i.test(event.key)) {
        typed = (typed + event.key).slice(-40);
      } else if (event.key.length === 1 || event.key === 'Tab') {
        typed = '';
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
