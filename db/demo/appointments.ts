// Six months of appointments laid out day by day per provider (see generate.ts), and the
// waitlist built from the demand that did not fit.
import { Temporal } from 'temporal-polyfill';
import type { SourceChannel } from '../schema/shared';
import type { AppointmentStatus } from '../rules/types';
import { appointmentNotes, cancelReasons, spanishNotes, waitlistNotes } from './names';
import { SeededRandom, seededUuid } from './random';
import { MINUTE, DAY, MONTHS_EACH_SIDE, locationSpecs, providerSpecs, CODE_ALPHABET, CODE_LENGTH, activeStatuses, wallMinutes, subtractInterval, type LocationKey, type ServiceKey, type PatientGroup, type LocationSpec, type ServiceSpec, type WorkBlock, type ProviderSpec, type PatientFacts, type DemoRow } from './clinic-spec';

export interface AppointmentContext {
  rng: SeededRandom;
  codeRng: SeededRandom;
  waitlistRng: SeededRandom;
  idRng: SeededRandom;
  row: (id: string, fields: DemoRow) => DemoRow;
  anchor: Temporal.PlainDate;
  todayStart: Map<LocationKey, number>;
  facts: PatientFacts[];
  locationId: Map<LocationKey, string>;
  providerId: Map<string, string>;
  serviceByKey: Map<ServiceKey, { spec: ServiceSpec; id: string; needsAt: Map<LocationKey, string[][]> }>;
  timeOff: Map<string, { location: LocationKey | null; interval: [number, number] }[]>;
}

export function generateAppointments(ctx: AppointmentContext): { appointments: DemoRow[]; waitlist: DemoRow[] } {
  const { rng, anchor, facts } = ctx;
  const firstDay = anchor.subtract({ months: MONTHS_EACH_SIDE });
  const endDay = anchor.add({ months: MONTHS_EACH_SIDE });
  const daysAhead = anchor.until(endDay, { largestUnit: 'days' }).days;

  // Patient pools per location and age group; the first fifth of each pool are the frequent visitors.
  const pools = new Map<string, number[]>();
  const addToPool = (key: string, index: number) => {
    const pool = pools.get(key);
    if (pool) pool.push(index);
    else pools.set(key, [index]);
  };
  facts.forEach((f, i) => {
    addToPool(`${f.home}:any`, i);
    addToPool(`${f.home}:${f.isChild ? 'child' : 'adult'}`, i);
  });
  const pickFromPool = (location: LocationKey, group: PatientGroup): number | undefined => {
    const home = rng.chance(0.95) ? location : location === 'manhattan' ? 'losAngeles' : 'manhattan';
    const pool = pools.get(`${home}:${group}`) ?? pools.get(`${location}:${group}`);
    if (!pool || pool.length === 0) return undefined;
    const frequent = Math.max(1, Math.floor(pool.length / 5));
    return rng.chance(0.3) ? pool[rng.int(0, frequent - 1)] : pool[rng.int(0, pool.length - 1)];
  };

  /** Patient index -> flat [start, end, start, end, ...] of their active visits. */
  const patientBusy = new Map<number, number[]>();
  const isPatientFree = (p: number, start: number, end: number) => {
    const busy = patientBusy.get(p);
    if (!busy) return true;
    for (let k = 0; k < busy.length; k += 2) if (busy[k]! < end && start < busy[k + 1]!) return false;
    return true;
  };
  /** Resource id -> flat buffered claims of the current day (cleared per day: claims never cross midnight). */
  const resourceBusy = new Map<string, number[]>();
  const isResourceFree = (r: string, start: number, end: number) => {
    const busy = resourceBusy.get(r);
    if (!busy) return true;
    for (let k = 0; k < busy.length; k += 2) if (busy[k]! < end && start < busy[k + 1]!) return false;
    return true;
  };
  /** Rooms a provider has used today: they stay in their room when it is free. */
  const roomsToday = new Map<string, string[]>();

  const usedCodes = new Set<string>();
  const newCode = () => {
    let code: string;
    do {
      code = '';
      for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[ctx.codeRng.int(0, CODE_ALPHABET.length - 1)];
    } while (usedCodes.has(code));
    usedCodes.add(code);
    return code;
  };

  // (location, weekday) -> the providers working there that day
  const workdays = new Map<string, { spec: ProviderSpec; block: WorkBlock }[]>();
  for (const spec of providerSpecs) {
    for (const block of spec.blocks) {
      for (const weekday of block.weekdays) {
        const key = `${block.location}:${weekday}`;
        workdays.set(key, [...(workdays.get(key) ?? []), { spec, block }]);
      }
    }
  }

  const appointments: { start: number; row: DemoRow }[] = [];

  let dayOffset = -firstDay.until(anchor, { largestUnit: 'days' }).days;
  for (let date = firstDay; Temporal.PlainDate.compare(date, endDay) < 0; date = date.add({ days: 1 }), dayOffset++) {
    resourceBusy.clear();
    roomsToday.clear();
    const isPast = dayOffset < 0;
    // Past days were about as full as they get; the future fills up the closer it is.
    const fill = isPast ? 0.8 : 0.8 - 0.45 * (dayOffset / daysAhead);

    for (const location of locationSpecs) {
      const working = workdays.get(`${location.key}:${date.dayOfWeek}`);
      if (!working) continue;
      const instantCache = new Map<number, number>();
      const instantAt = (minutes: number) => {
        let at = instantCache.get(minutes);
        if (at === undefined) {
          const plainTime = new Temporal.PlainTime(Math.floor(minutes / 60), minutes % 60);
          at = date.toZonedDateTime({ timeZone: location.timeZone, plainTime }).epochMilliseconds;
          instantCache.set(minutes, at);
        }
        return at;
      };
      const nowAt = ctx.todayStart.get(location.key)!;

      for (const { spec, block } of rng.shuffled(working)) {
        const pid = ctx.providerId.get(spec.key)!;
        // Wall-clock pieces of the block between breaks, then instants. A piece that a DST
        // change runs through (its elapsed time differs from its wall length) is skipped
        // rather than guessed at; clinic hours never include 02:00, so none is in practice.
        let wall: [number, number][] = [[wallMinutes(block.start), wallMinutes(block.end)]];
        for (const b of block.breaks) wall = subtractInterval(wall, [wallMinutes(b.start), wallMinutes(b.end)]);
        let pieces: [number, number][] = [];
        for (const [a, b] of wall) {
          const [s, e] = [instantAt(a), instantAt(b)];
          if (e - s === (b - a) * MINUTE) pieces.push([s, e]);
        }
        for (const off of ctx.timeOff.get(spec.key) ?? []) {
          if (off.location === null || off.location === location.key) pieces = subtractInterval(pieces, off.interval);
        }
        for (const [pieceStart, pieceEnd] of pieces) {
          fillPiece(spec, pid, location, pieceStart, pieceEnd, isPast, dayOffset, fill, nowAt);
        }
      }
    }
  }

  function fillPiece(
    spec: ProviderSpec, pid: string, location: LocationSpec,
    pieceStart: number, pieceEnd: number,
    isPast: boolean, dayOffset: number, fill: number, nowAt: number,
  ) {
    let cursor = pieceStart;
    let replacedAt = -1;
    while (cursor < pieceEnd) {
      if (!rng.chance(fill)) {
        cursor += rng.pick([10, 15, 15, 20, 30]) * MINUTE;
        continue;
      }
      const room = (pieceEnd - cursor) / MINUTE;
      const fitting = spec.mix
        .map(([key, weight]) => [ctx.serviceByKey.get(key)!, weight] as const)
        .filter(([s]) => s.spec.bufferBeforeMin + s.spec.durationMin + s.spec.bufferAfterMin <= room);
      if (fitting.length === 0) break;
      const service = rng.weighted(fitting);
      const s = service.spec;
      const start = cursor + s.bufferBeforeMin * MINUTE;
      const end = start + s.durationMin * MINUTE;
      const claimEnd = end + s.bufferAfterMin * MINUTE;

      const resourceIds = claimResources(pid, service.needsAt.get(location.key)!, cursor, claimEnd);
      if (!resourceIds) {
        cursor += 5 * MINUTE;
        continue;
      }
      let patient: number | undefined;
      for (let attempt = 0; attempt < 8 && patient === undefined; attempt++) {
        const candidate = pickFromPool(location.key, spec.patients);
        if (candidate !== undefined && isPatientFree(candidate, start, end)) patient = candidate;
      }
      if (patient === undefined) {
        cursor += 5 * MINUTE;
        continue;
      }
      const f = facts[patient]!;

      const status = isPast ? pastStatus(f) : futureStatus(dayOffset);
      const isActive = activeStatuses.has(status);
      if (isActive) {
        for (const r of resourceIds) {
          const claims = resourceBusy.get(r);
          if (claims) claims.push(cursor, claimEnd);
          else resourceBusy.set(r, [cursor, claimEnd]);
        }
        const used = roomsToday.get(pid) ?? [];
        roomsToday.set(pid, [...used, ...resourceIds.filter((r) => !used.includes(r))]);
        const busy = patientBusy.get(patient) ?? [];
        busy.push(start, end);
        patientBusy.set(patient, busy);
      }

      const channel = rng.weighted<SourceChannel>([
        ['desk', 30], ['phone', 38], ['online', s.bookableOnline ? 27 : 0], ['kiosk', isPast ? 5 : 0],
      ]);
      let bookedAt: number;
      if (channel === 'kiosk') {
        bookedAt = start - rng.int(20, 120) * MINUTE;
      } else {
        const [lo, hi] = rng.weighted([[[0, 0], 6], [[1, 6], 20], [[7, 27], 38], [[28, 55], 26], [[56, 90], 10]] as const);
        bookedAt = start - rng.int(lo, hi) * DAY - rng.int(30, 600) * MINUTE;
        // Nothing is booked after "now" (the start of the demo's today at this location).
        if (bookedAt >= nowAt) bookedAt = nowAt - rng.int(60, 21 * 24 * 60) * MINUTE;
      }

      const isCancelled = status === 'cancelled' || status === 'late_cancelled';
      const notes = f.speaksSpanish && rng.chance(0.3)
        ? rng.pick(spanishNotes)
        : rng.chance(0.1) ? rng.pick(appointmentNotes) : null;
      appointments.push({
        start,
        row: ctx.row(seededUuid(ctx.idRng, bookedAt), {
          location_id: ctx.locationId.get(location.key),
          provider_id: pid,
          service_id: service.id,
          patient_id: f.id,
          resource_ids: resourceIds,
          start_at: start,
          end_at: end,
          buffer_before_min: s.bufferBeforeMin,
          buffer_after_min: s.bufferAfterMin,
          status,
          notes,
          source_channel: channel,
          overbook: false,
          confirmation_code: newCode(),
          cancel_reason: isCancelled ? rng.pick(cancelReasons) : null,
          late_cancel_fee: status === 'late_cancelled',
          booked_at: bookedAt,
        }),
      });

      // A cancelled visit frees its slot; often someone else is booked into it (once per slot).
      const isRebooked = cursor !== replacedAt && isCancelled && rng.chance(status === 'cancelled' ? 0.6 : 0.25);
      if (isRebooked) replacedAt = cursor;
      else cursor = claimEnd;
    }
  }

  function claimResources(pid: string, needs: string[][], claimStart: number, claimEnd: number): string[] | null {
    const chosen: string[] = [];
    const used = roomsToday.get(pid) ?? [];
    for (const candidates of needs) {
      const preferred = used.filter((r) => candidates.includes(r));
      const found = [...preferred, ...candidates].find((r) => !chosen.includes(r) && isResourceFree(r, claimStart, claimEnd));
      if (!found) return null;
      chosen.push(found);
    }
    return chosen;
  }

  function pastStatus(f: PatientFacts): AppointmentStatus {
    // Weighted so that about 10% of past visits are no-shows overall (15% of patients at 30%).
    const noShow = f.isUnreliable ? 0.3 : 0.065;
    const u = rng.next();
    if (u < noShow) return 'no_show';
    if (u < noShow + 0.07) return 'cancelled';
    if (u < noShow + 0.1) return 'late_cancelled';
    return 'completed';
  }

  function futureStatus(daysFromToday: number): AppointmentStatus {
    if (rng.chance(0.05)) return 'cancelled';
    const confirmedShare = daysFromToday <= 2 ? 0.75 : daysFromToday <= 7 ? 0.45 : 0.1;
    return rng.chance(confirmedShare) ? 'confirmed' : 'booked';
  }

  // Plain string order for ties, not localeCompare: the output must not depend on the ICU locale.
  appointments.sort((a, b) => a.start - b.start || ((a.row.id as string) < (b.row.id as string) ? -1 : 1));

  const waitlist = generateWaitlist(ctx, pools);
  return { appointments: appointments.map((a) => a.row), waitlist };
}

function generateWaitlist(ctx: AppointmentContext, pools: Map<string, number[]>): DemoRow[] {
  const rng = ctx.waitlistRng;
  const pickPatient = (location: LocationKey, group: PatientGroup) => {
    const pool = pools.get(`${location}:${group}`) ?? [];
    return pool.length === 0 ? undefined : pool[rng.int(0, pool.length - 1)];
  };
  const rows: DemoRow[] = [];
  for (let i = 0; i < 30; i++) {
    const spec = rng.pick(providerSpecs);
    const block = rng.pick(spec.blocks);
    const serviceKey = rng.weighted(spec.mix);
    const patient = pickPatient(block.location, spec.patients);
    if (patient === undefined) continue;
    const earliest = ctx.anchor.add({ days: rng.int(1, 30) });
    const latest = earliest.add({ days: rng.int(7, 45) });
    const createdAt = ctx.todayStart.get(block.location)! - rng.int(60, 20 * 24 * 60) * MINUTE;
    rows.push(ctx.row(seededUuid(ctx.idRng, createdAt), {
      patient_id: ctx.facts[patient]!.id,
      service_id: ctx.serviceByKey.get(serviceKey)!.id,
      provider_id: rng.chance(0.6) ? ctx.providerId.get(spec.key) : null,
      location_id: ctx.locationId.get(block.location),
      earliest_date: earliest.toString(),
      latest_date: latest.toString(),
      urgency: rng.weighted([[0, 60], [1, 30], [2, 10]] as const),
      status: rng.chance(0.8) ? 'waiting' : 'offered',
      notes: rng.chance(0.3) ? rng.pick(waitlistNotes) : null,
      created_at: createdAt,
    }));
  }
  return rows;
}
