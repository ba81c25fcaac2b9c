// Each screen's title takes focus when the screen appears, so a screen reader announces the
// new screen and the next Tab starts at its top.
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenHeading({ children, takesFocus = true }: { children: ReactNode; takesFocus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takesFocus) ref.current?.focus();
  }, [takesFocus]);
  return <h1 ref={ref} tabIndex={-1} className="kiosk-title">{children}</h1>;
}
