// The refusals a person at the desk sees, as keyed sentences: the rules and the API say
// which sentence and with which values, the English `message` is filled in from this catalog
// (for logs and tests), and the desk shows the same key from its own catalogs in its own
// language. Values are data (names, times, counts), never words to translate. A sentence
// with a count comes in "_one" and "_other" forms, chosen as i18next chooses them.
export const refusalSentences = {
  'refusal.slotTaken': 'That time is taken.',
  'refusal.collision.provider': '{provider} already has {service} for {patient} ({code}) at {when}.',
  'refusal.collision.resource': '{resource} is taken by {service} for {patient} ({code}) at {when}.',
  'refusal.collision.patient': '{patient} already has {service} with {provider} at {when}.',
  'refusal.collision.more': 'And {count} more.',
  'refusal.collision.mayOverbook': 'Choose another time, or overbook.',
  'refusal.collision.managerOverbooks': 'Choose another time; only a manager can overbook.',
  'refusal.resourcesElsewhere': 'Some of the chosen rooms or equipment are not at {location}.',
  'refusal.resourcesMissing': '{location} does not have the rooms or equipment {service} needs.',
  'refusal.providerNotAtLocation': '{provider} does not work at {location}.',
  'refusal.providerNotOffering': '{provider} does not offer {service}.',
  'refusal.notMovablePatientHere': 'This appointment can\'t be moved: the patient is already here.',
  'refusal.notMovableEnded': 'This appointment can\'t be moved: the appointment has ended.',
  'refusal.checkInBeforeDay': 'This appointment is on {date}; check-in opens that day.',
  'refusal.checkInAfterDay': 'This appointment was on {date}; it can no longer be checked in.',
  'refusal.kioskCheckInOpens': 'Check-in opens at {time}, {minutes} minutes before the {start} appointment.',
  'refusal.kioskCheckInClosed': 'Check-in at the kiosk closed at {time}; please see the front desk.',
  'refusal.noShowFrom': 'The patient can be marked as a no-show from {time} ({minutes} minutes after the start).',
  'refusal.cancelReasonMissing': 'Say why the appointment is cancelled.',

  'refusal.checkDetails': 'Please check the details:',
  'refusal.fieldInvalid': 'The value of {field} is not valid.',
  'refusal.firstNameMissing': 'Enter a first name.',
  'refusal.lastNameMissing': 'Enter a last name.',
  'refusal.emailInvalid': 'That email address does not look right.',
  'refusal.searchTooShort': 'Type at least two characters.',
  'refusal.birthDateNotADate': '{date} is not a date (use YYYY-MM-DD).',
  'refusal.birthDateInFuture': 'The date of birth is in the future.',
  'refusal.birthDateTooOld': 'The date of birth is more than {years} years ago; please check the year.',
  'refusal.phoneDigits': 'A phone number has {min} to {max} digits (spaces, dashes and a leading + are fine).',
  'refusal.textNeedsPhone': 'Reminders by text message need a phone number.',
  'refusal.emailNeedsAddress': 'Reminders by email need an email address.',
  'refusal.patientRegistered': '{name}, born {date}, is already registered. Open that record, or confirm this is a different person.',

  'refusal.latestBeforeEarliest': 'The latest date is before the earliest date.',
  'refusal.alreadyWaiting': 'This patient is already on the waitlist for this service here.',
  'refusal.noLongerWaiting': '{patient} is no longer waiting for this service, provider and date.',
  'refusal.stillHoldsTime': 'That appointment still holds its time; cancel it first.',

  'refusal.secretMissing': 'Enter your PIN or password.',
  'refusal.wrongSecret': 'That PIN or password is not right.',
  'refusal.triesLeft_one': '{count} try left.',
  'refusal.triesLeft_other': '{count} tries left.',
  'refusal.signInPaused': 'Sign-in is paused for this user for a few minutes.',
  'refusal.tooManyTries_one': 'Too many wrong tries. Wait {count} minute, or ask a manager.',
  'refusal.tooManyTries_other': 'Too many wrong tries. Wait {count} minutes, or ask a manager.',

  'refusal.endBeforeStart': 'The end date is before the start date.',
  'refusal.searchAtMostDays': 'Search at most {count} days at a time.',
  'refusal.askAtMostDays': 'Ask for at most {count} days at a time.',
  'refusal.printFromBrowser': 'This computer cannot print directly from the browser. Use "Save as PDF" and print the file.',
  'refusal.noPrinter': 'No printer is set for this kind of document. Choose one in Settings > Printing.',

  // A role's refusal names the role, not the action: the person knows what they just tried.
  'refusal.roleMayNot.receptionist': 'The receptionist role can\'t do that.',
  'refusal.roleMayNot.nurse': 'The nurse role can\'t do that.',
  'refusal.roleMayNot.provider': 'The provider role can\'t do that.',
  'refusal.roleMayNot.manager': 'The manager role can\'t do that.',
  'refusal.roleMayNot.admin': 'The admin role can\'t do that.',
  'refusal.roleMayNot.kiosk': 'A kiosk can\'t do that.',
  'refusal.roleMayNot.system': 'A server job can\'t do that.',
  'refusal.onlyManagerOverbooks': 'Only a manager can overbook a slot that is already taken.',

  // A status change the machine does not allow: where the appointment is, then where it can't go.
  'refusal.statusIs.booked': 'This appointment is booked.',
  'refusal.statusIs.confirmed': 'This appointment is confirmed.',
  'refusal.statusIs.checked_in': 'This appointment is checked in.',
  'refusal.statusIs.in_progress': 'This appointment is in progress.',
  'refusal.statusIs.completed': 'This appointment is completed.',
  'refusal.statusIs.cancelled': 'This appointment is cancelled.',
  'refusal.statusIs.late_cancelled': 'This appointment was cancelled late.',
  'refusal.statusIs.no_show': 'This appointment is a no-show.',
  'refusal.cannotBecome.booked': 'It can\'t become booked again.',
  'refusal.cannotBecome.confirmed': 'It can\'t become confirmed.',
  'refusal.cannotBecome.checked_in': 'It can\'t be checked in.',
  'refusal.cannotBecome.in_progress': 'It can\'t be started.',
  'refusal.cannotBecome.completed': 'It can\'t be completed.',
  'refusal.cannotBecome.cancelled': 'It can\'t be cancelled.',
  'refusal.cannotBecome.late_cancelled': 'It can\'t be cancelled late.',
  'refusal.cannotBecome.no_show': 'It can\'t be marked as a no-show.',
  'refusal.patientArrived': 'The patient has already arrived.',

  'refusal.notFound.location': 'That location does not exist on this device.',
  'refusal.notFound.service': 'That service does not exist on this device.',
  'refusal.notFound.provider': 'That provider does not exist on this device.',
  'refusal.notFound.patient': 'That patient does not exist on this device.',
  'refusal.notFound.appointment': 'That appointment does not exist on this device.',
  'refusal.notFound.resource': 'That room or piece of equipment does not exist on this device.',
  'refusal.notFound.staffMember': 'That staff member does not exist on this device.',
  'refusal.notFound.reminderRule': 'That reminder rule does not exist on this device.',
  'refusal.notFound.scheduleException': 'That time off or extra-hours entry does not exist on this device.',
  'refusal.notFound.task': 'That task does not exist on this device.',
  'refusal.notFound.waitlistEntry': 'That waitlist entry does not exist on this device.',
  'refusal.notFound.refusedChange': 'That refused change is not on this device.',
  'refusal.notFound.kiosk': 'No paired kiosk has that id.',
  'refusal.noticeDismissed': 'That notice was already dismissed.',

  'refusal.onlyAdminMakesAdmin': 'Only an administrator can make someone an administrator.',
  'refusal.onlyAdminChangesAdmin': 'Only an administrator can change an administrator’s account.',
  'refusal.lastAdmin': '{name} is the only active administrator. Make someone else an administrator first.',
  'refusal.newAccountNeedsSecret': 'Give the new account a PIN or password.',
  'refusal.secretChangedByReset': 'Change a PIN or password with "reset PIN or password".',
  'refusal.addLocationToProvider': 'Add the location to the provider first.',
  'refusal.stillUpcoming_one': '{name} still has {count} upcoming appointment. Move or cancel it first.',
  'refusal.stillUpcoming_other': '{name} still has {count} upcoming appointments. Move or cancel them first.',
} as const;

type Catalog = typeof refusalSentences;
/** A sentence's key as the code names it: plural pairs by their base, without "_one"/"_other". */
export type RefusalKey = { [K in keyof Catalog]: K extends `${infer B}_${'one' | 'other'}` ? B : K }[keyof Catalog];
export type SentenceValues = Record<string, string | number>;

/** One sentence of a refusal, as it travels in ApiErrorBody.sentences. */
export interface Sentence {
  key: RefusalKey;
  values?: SentenceValues;
}

type Template<K extends RefusalKey> = K extends keyof Catalog ? Catalog[K] : Catalog[`${K}_other` & keyof Catalog];
type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | PlaceholdersOf<Rest> : never;
type Args<K extends RefusalKey> = [PlaceholdersOf<Template<K>>] extends [never] ? [] : [values: Record<PlaceholdersOf<Template<K>>, string | number>];

/** A sentence with the values its English template needs; a missing value is a type error. */
export function say<K extends RefusalKey>(key: K, ...args: Args<K>): Sentence {
  return args[0] ? { key, values: args[0] } : { key };
}

const englishPlurals = new Intl.PluralRules('en-US');

function templateOf({ key, values }: Sentence): string {
  const templates: Record<string, string> = refusalSentences;
  if (key in templates) return templates[key]!;
  return templates[`${key}_${englishPlurals.select(Number(values?.count))}`] ?? templates[`${key}_other`]!;
}

/** The sentences in English, one after another. */
export function inEnglish(sentences: readonly Sentence[]): string {
  return sentences.map((s) => templateOf(s).replace(/\{(\w+)\}/g, (whole, name: string) => String(s.values?.[name] ?? whole))).join(' ');
}

/** The English text of a sentence without values, for zod's messages (the router finds the key again by it). */
export function englishOf(key: { [K in RefusalKey]: Args<K> extends [] ? K : never }[RefusalKey]): string {
  return refusalSentences[key as keyof Catalog];
}

const keysByText = new Map<string, RefusalKey>(
  Object.entries(refusalSentences).filter(([, text]) => !text.includes('{')).map(([key, text]) => [text, key as RefusalKey]),
);

/** The sentence a zod message came from (englishOf), if it came from this catalog. */
export function findSentence(text: string): Sentence | null {
  const key = keysByText.get(text);
  return key ? { key } : null;
}
