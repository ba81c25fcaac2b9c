// One weekday's working blocks and their breaks, as plain labelled time fields.
import { useManagerText } from '../i18n';
import { newKey, type BlockDraft } from './week';

interface DayEditorProps {
  weekday: number;
  dayName: string;
  blocks: BlockDraft[];
  onChange(blocks: BlockDraft[]): void;
}

export function DayEditor({ weekday, dayName, blocks, onChange }: DayEditorProps) {
  const { t } = useManagerText();
  const update = (key: number, patch: Partial<BlockDraft>) => onChange(blocks.map((b) => (b.key === key ? { ...b, ...patch } : b)));
  return (
    <fieldset className="day-editor">
      <legend>{dayName}</legend>
      {blocks.length === 0 ? <p className="hint">{t('hours.dayOff')}</p> : null}
      {blocks.map((block) => (
        <div key={block.key} className="block-editor">
          <label>{t('hours.starts')} <input type="time" value={block.start} required onChange={(e) => update(block.key, { start: e.target.value })} /></label>
          <label>{t('hours.ends')} <input type="time" value={block.end} required onChange={(e) => update(block.key, { end: e.target.value })} /></label>
          {block.breaks.map((br, i) => (
            <span key={br.key} className="break-editor" role="group" aria-label={t('hours.breakN', { n: i + 1 })}>
              <label>{t('hours.breakStarts')} <input type="time" value={br.start} required onChange={(e) => update(block.key, { breaks: block.breaks.map((x) => (x.key === br.key ? { ...x, start: e.target.value } : x)) })} /></label>
              <label>{t('hours.breakEnds')} <input type="time" value={br.end} required onChange={(e) => update(block.key, { breaks: block.breaks.map((x) => (x.key === br.key ? { ...x, end: e.target.value } : x)) })} /></label>
              <button type="button" className="button-quiet" onClick={() => update(block.key, { breaks: block.breaks.filter((x) => x.key !== br.key) })}>{t('hours.removeBreak')}</button>
            </span>
          ))}
          <button type="button" className="button-quiet" onClick={() => update(block.key, { breaks: [...block.breaks, { key: newKey(), start: '12:00', end: '12:30' }] })}>{t('hours.addBreak')}</button>
          <button type="button" className="button-quiet" onClick={() => onChange(blocks.filter((b) => b.key !== block.key))}>{t('hours.removeHours')}</button>
        </div>
      ))}
      <button type="button" className="button-quiet" onClick={() => onChange([...blocks, { key: newKey(), weekday, start: '09:00', end: '17:00', breaks: [] }])}>{t('hours.addHours')}</button>
    </fieldset>
  );
}
