// A kiosk is shared: whatever the last patient typed must not wait for the next one. Any
// touch, key or input restarts the countdown.
import { useEffect, useRef } from 'react';

const activityEvents = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

export function useIdleReset(idleMs: number, onIdle: () => void, isEnabled: boolean): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  });

  useEffect(() => {
    if (!isEnabled) return;
    let timer = setTimeout(() => latest.current(), idleMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), idleMs);
    };
    for (const name of activityEvents) document.addEventListener(name, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) document.removeEventListener(name, restart, { capture: true });
    };
  }, [idleMs, isEnabled]);
}
