// One lookup from either form. Found leads to the next screen; anything else stays on the form
// and only counts as one more miss: the kiosk is never told why.
import { useState } from 'react';
import type { KioskInput } from '../kiosk-api';
import { callKiosk } from '../kiosk-api';
import { screenForAppointment } from '../flow';
import { useFlow } from '../flow-context';

type Query = KioskInput<'kiosk.find'>['query'];

export function useLookup() {
  const flow = useFlow();
  const [isSearching, setIsSearching] = useState(false);
  const [misses, setMisses] = useState(0);

  async function lookUp(query: Query): Promise<void> {
    setIsSearching(true);
    const result = await callKiosk('kiosk.find', { query }, flow.token);
    setIsSearching(false);
    if (!result.ok) return flow.fail(result.error);
    const { found, appointment, retryAfterMs } = result.value;
    if (retryAfterMs > 0) flow.startCoolDown(retryAfterMs);
    if (found && appointment) return flow.go(screenForAppointment(appointment));
    setMisses((m) => m + 1);
  }

  return { lookUp, isSearching, misses };
}
