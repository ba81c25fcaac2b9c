// Chart.js sizes a responsive canvas from its parent, which therefore needs a set height.
import type { ReactNode } from 'react';

export function ChartBox({ children, isTall = false }: { children: ReactNode; isTall?: boolean }) {
  return <div className={isTall ? 'chart-box chart-box-tall' : 'chart-box'}>{children}</div>;
}
