// What every step of the check-in needs from the shell: where to go next, the kiosk token,
// and the lookup cool-down, which outlives the screens (the desk enforces it per kiosk anyway).
import { createContext, useContext } from 'react';
import type { ApiErrorBody } from '../../main/api/operation';
import type { Screen } from './flow';

export interface Flow {
  token: string;
  go(screen: Screen): void;
  /** Date.now() until which lookups wait; 0 when they need not. */
  coolDownUntil: number;
  startCoolDown(ms: number): void;
  /** An answer that is not about the patient at all (unpaired, unreachable). */
  fail(error: ApiErrorBody): void;
}

export const FlowContext = createContext<Flow | null>(null);

export function useFlow(): Flow {
  const flow = useContext(FlowContext);
  if (!flow) throw new Error('useFlow needs the kiosk shell above it.');
  return flow;
}
