// Which visits have just been checked in, from two readings of today's day views: a status
// that turns into checked_in between them is a patient who has just arrived, at the kiosk or
// at another desk (through sync). The day view does not say who made the change, so this
// desk's own check-ins count too. A visit first seen already checked in is not news: the desk
// may have just started, or the day just turned over.
export interface WatchedVisit {
  id: string;
  status: string;
  startAt: number;
  patientFirstName: string | null;
  patientLastName: string | null;
  providerName: string | null;
  timeZone: string;
}

export type StatusById = ReadonlyMap<string, string>;

export function statusesOf(visits: readonly WatchedVisit[]): StatusById {
  return new Map(visits.map((v) => [v.id, v.status]));
}

export function findNewCheckIns(before: StatusById, after: readonly WatchedVisit[]): WatchedVisit[] {
  return after.filter((v) => v.status === 'checked_in' && before.has(v.id) && before.get(v.id) !== 'checked_in');
}
