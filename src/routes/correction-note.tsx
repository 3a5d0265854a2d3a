import { formatDate, formatQuantity } from '../app/format'
import { t } from '../i18n/i18n'
import type { CorrectionNote, Observation } from '../pipeline/schema'
import type { CatalogNames } from './article-catalog'
import './correction-note.css'

type Names = Pick<CatalogNames, 'district' | 'edition' | 'metric'>

/**
 * What the extractor had read before a person fixed it: "28, Agreements signed, 5th (2022)".
 * Only the fields the correction changed; the amount reads with its unit and qualifier.
 */
export function describeWas(
  note: CorrectionNote,
  figure: Pick<Observation, 'value' | 'unit' | 'qualifier'>,
  names: Names,
): string | null {
  const was = note.was
  if (!was) return null
  const parts: Array<string> = []
  if (was.value !== undefined || was.unit !== undefined || was.qualifier !== undefined)
    parts.push(
      formatQuantity(
        was.value ?? figure.value,
        was.unit ?? figure.unit,
        was.qualifier ?? figure.qualifier,
      ),
    )
  if (was.metric !== undefined) parts.push(names.metric(was.metric))
  if (was.district !== undefined) parts.push(names.district(was.district))
  if (was.edition !== undefined)
    parts.push(
      was.edition === null ? t('evidence.correction.noEdition') : names.edition(was.edition),
    )
  return parts.length > 0 ? parts.join(t('evidence.correction.separator')) : null
}

/**
 * "Corrected: <reason>" on a figure that data/corrections.json fixed or added, with the date and
 * what the extractor had read, so a reader sees that a person changed it and why. Nothing for a
 * figure no correction touched.
 */
export function CorrectionNoteView({
  figure,
  names,
}: {
  figure: Pick<Observation, 'value' | 'unit' | 'qualifier' | 'correction'>
  names: Names
}) {
  const note = figure.correction
  if (!note) return null
  const was = describeWas(note, figure, names)
  return (
    <p className="correction-note">
      <span className="correction-note__label">
        <span aria-hidden="true">✎ </span>
        {t('evidence.correction.label')}
      </span>{' '}
      {note.reason}{' '}
      <span className="correction-note__meta">
        {note.action === 'add'
          ? t('evidence.correction.added', { date: formatDate(note.date) })
          : was
            ? t('evidence.correction.was', { date: formatDate(note.date), was })
            : t('evidence.correction.date', { date: formatDate(note.date) })}
      </span>
    </p>
  )
}
