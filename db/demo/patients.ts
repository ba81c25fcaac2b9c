// Fictional patients: names from word lists, ages, languages and contact preferences.
import { Temporal } from 'temporal-polyfill';
import {
  englishFemaleNames,
  englishLastNames,
  englishMaleNames,
  hispanicFemaleNames,
  hispanicLastNames,
  hispanicMaleNames,
  otherFemaleNames,
  otherLastNames,
  otherMaleNames,
} from './names';
import { SeededRandom } from './random';
import { locationSpecs, slug, type LocationKey, type PatientFacts, type DemoRow } from './clinic-spec';

export function generatePatients(
  rng: SeededRandom,
  count: number,
  anchor: Temporal.PlainDate,
  newId: () => string,
  row: (id: string, fields: DemoRow) => DemoRow,
): { patients: DemoRow[]; facts: PatientFacts[] } {
  const patients: DemoRow[] = [];
  const facts: PatientFacts[] = [];
  for (let i = 0; i < count; i++) {
    const heritage = rng.weighted([['english', 52], ['hispanic', 30], ['other', 18]] as const);
    const isFemale = rng.chance(0.52);
    const firstNames = {
      english: isFemale ? englishFemaleNames : englishMaleNames,
      hispanic: isFemale ? hispanicFemaleNames : hispanicMaleNames,
      other: isFemale ? otherFemaleNames : otherMaleNames,
    }[heritage];
    const firstName = rng.pick(firstNames);
    let lastName: string;
    if (heritage === 'hispanic') {
      lastName = rng.pick(hispanicLastNames);
      if (rng.chance(0.2)) lastName = `${lastName} ${rng.pick(hispanicLastNames)}`;
    } else if (heritage === 'other') {
      lastName = rng.chance(0.75) ? rng.pick(otherLastNames) : rng.pick(englishLastNames);
    } else {
      lastName = rng.chance(0.9) ? rng.pick(englishLastNames) : rng.pick([...hispanicLastNames, ...otherLastNames]);
    }

    const isChild = rng.chance(0.22);
    const [youngest, oldest] = isChild
      ? [0, 17]
      : rng.weighted([[[18, 34], 30], [[35, 54], 33], [[55, 74], 27], [[75, 95], 10]] as const);
    const age = rng.int(youngest, oldest);
    const dateOfBirth = anchor.subtract({ years: age }).subtract({ days: rng.int(0, 364) }).toString();

    const home: LocationKey = rng.chance(0.58) ? 'manhattan' : 'losAngeles';
    const spec = locationSpecs.find((l) => l.key === home)!;
    const phone = rng.chance(0.95) ? `+1 ${rng.pick(spec.areaCodes)} 555 01${String(rng.int(0, 99)).padStart(2, '0')}` : null;
    const email = rng.chance(isChild ? 0.7 : 0.85)
      ? `${slug(firstName)}.${slug(lastName)}${rng.chance(0.5) ? rng.int(1, 99) : ''}@${rng.pick(['example.com', 'example.org', 'example.net'])}`
      : null;
    const channel = phone && email
      ? rng.weighted([['sms', 60], ['email', 30], ['none', 10]] as const)
      : phone ? (rng.chance(0.9) ? 'sms' : 'none')
        : email ? (rng.chance(0.9) ? 'email' : 'none')
          : 'none';
    // About half the Spanish-named patients (30%) prefer Spanish: ~15% overall.
    const speaksSpanish = heritage === 'hispanic' && rng.chance(0.5);

    const id = newId();
    patients.push(row(id, {
      first_name: firstName,
      last_name: lastName,
      date_of_birth: dateOfBirth,
      phone,
      email,
      preferred_channel: channel,
      preferred_language: speaksSpanish ? 'es' : 'en',
    }));
    facts.push({ id, home, isChild, speaksSpanish, isUnreliable: rng.chance(0.15) });
  }
  return { patients, facts };
}
