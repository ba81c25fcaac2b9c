// Date of birth as three labelled fields with the month by name: nothing to misread as
// day/month or month/day, whatever the patient's habit.
import { useState, type FormEvent } from 'react';
import { useFlow } from '../flow-context';
import { useText } from '../language';
import { ScreenHeading } from '../ScreenHeading';
import { FindFeedback, useIsCoolingDown } from './FindFeedback';
import { FormActions } from './FormActions';
import { useLookup } from './useLookup';

const digitsOnly = (value: string, max: number) => value.replace(/\D/g, '').slice(0, max);

/** "YYYY-MM-DD", or null while a part is missing. */
function toDateOfBirth(year: string, month: string, day: string): string | null {
  if (year.length !== 4 || month === '' || day === '' || Number(day) < 1) return null;
  return `${year}-${month}-${day.padStart(2, '0')}`;
}

export function FindByNameScreen() {
  const { t, monthNames } = useText();
  const flow = useFlow();
  const { lookUp, isSearching, misses } = useLookup();
  const [lastName, setLastName] = useState('');
  const [month, setMonth] = useState('');
  const [day, setDay] = useState('');
  const [year, setYear] = useState('');
  const [isIncomplete, setIsIncomplete] = useState(false);
  const isCoolingDown = useIsCoolingDown(flow.coolDownUntil);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (isSearching || isCoolingDown) return;
    const dateOfBirth = toDateOfBirth(year, month, day);
    // Checked here, not by a lookup: an unfinished form is not a miss against the kiosk's limit.
    if (lastName.trim() === '' || !dateOfBirth) return setIsIncomplete(true);
    setIsIncomplete(false);
    void lookUp({ by: 'name', lastName, dateOfBirth });
  }

  return (
    <section className="kiosk-screen">
      <ScreenHeading>{t('name.title')}</ScreenHeading>
      <form className="kiosk-form" onSubmit={submit} noValidate>
        <label className="kiosk-label" htmlFor="last-name">{t('name.lastName')}</label>
        <input id="last-name" className="kiosk-field" value={lastName} onChange={(e) => setLastName(e.target.value)}
          autoComplete="off" autoCorrect="off" spellCheck={false} maxLength={100} />

        <fieldset className="kiosk-date">
          <legend className="kiosk-label">{t('name.dateOfBirth')}</legend>
          <div className="kiosk-date-parts">
            <div className="kiosk-date-part kiosk-date-month">
              <label className="kiosk-sublabel" htmlFor="dob-month">{t('name.month')}</label>
              <select id="dob-month" className="kiosk-field" value={month} onChange={(e) => setMonth(e.target.value)}>
                <option value="">{t('name.chooseMonth')}</option>
                {monthNames.map((name, i) => (
                  <option key={name} value={String(i + 1).padStart(2, '0')}>{name}</option>
                ))}
              </select>
            </div>
            <div className="kiosk-date-part">
              <label className="kiosk-sublabel" htmlFor="dob-day">{t('name.day')}</label>
              <input id="dob-day" className="kiosk-field" inputMode="numeric" autoComplete="off" value={day}
                onChange={(e) => setDay(digitsOnly(e.target.value, 2))} />
            </div>
            <div className="kiosk-date-part">
              <label className="kiosk-sublabel" htmlFor="dob-year">{t('name.year')}</label>
              <input id="dob-year" className="kiosk-field" inputMode="numeric" autoComplete="off" value={year}
                aria-describedby="dob-year-hint" onChange={(e) => setYear(digitsOnly(e.target.value, 4))} />
              <p id="dob-year-hint" className="kiosk-hint">{t('name.yearHint')}</p>
            </div>
          </div>
        </fieldset>

        {isIncomplete ? <p role="alert" className="kiosk-feedback">{t('name.incomplete')}</p> : null}
        <FindFeedback misses={misses} coolDownUntil={flow.coolDownUntil} />
        <FormActions isBusy={isSearching} isDisabled={isCoolingDown} />
      </form>
    </section>
  );
}
