import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { handleModalKeys } from '../app/focus-trap'
import { localName, t } from '../i18n/i18n'
import type { Correction } from '../pipeline/corrections'
import {
  DISTRICT_IDS,
  QUALIFIERS,
  type ArticleSummary,
  type Catalog,
  type DistrictId,
  type MetricKey,
  type Qualifier,
  type Unit,
} from '../pipeline/schema'
import type { CatalogNames } from './article-catalog'
import {
  addCorrection,
  describeCorrection,
  describeReading,
  fieldsOf,
  fixCorrection,
  prefillForDiscarded,
  qualifierLabel,
  recordOf,
  rejectCorrection,
  todayIso,
  unitLabel,
  unitsFor,
  type AddPrefill,
  type FigureFields,
  type NumberReading,
} from './analyze-model'

export interface CorrectionDialogProps {
  /** The extractor's own reading of the number, before any correction. */
  reading: NumberReading
  /** The correction the page already holds for this number, if any. */
  existing: Correction | null
  summary: ArticleSummary
  catalog: Catalog
  names: CatalogNames
  onSave: (correction: Correction) => void
  onRemove: () => void
  onClose: () => void
}

type Mode = 'fix' | 'reject' | 'add'

/** The form's fields as typed: strings, '' for "not chosen", 'none' for no edition. */
interface FormFields {
  metric: string
  value: string
  unit: string
  qualifier: string
  district: string
  edition: string
}

type ErrorField = 'metric' | 'value' | 'district' | 'reason' | 'form'
type Errors = Partial<Record<ErrorField, string>>

const NO_EDITION = 'none'

function initialFields(
  reading: NumberReading,
  existing: Correction | null,
  summary: ArticleSummary,
): FormFields {
  // A figure's fields, or a discarded number's prefill (where some may be unknown).
  const toForm = (fields: AddPrefill): FormFields => ({
    metric: fields.metric ?? '',
    value: fields.value === null ? '' : String(fields.value),
    unit: fields.unit,
    qualifier: fields.qualifier,
    district: fields.district ?? '',
    edition: fields.edition === null ? NO_EDITION : String(fields.edition),
  })
  if (reading.kind === 'figure') {
    const set = existing?.action === 'fix' ? existing.set : {}
    return toForm({ ...fieldsOf(reading.observation), ...set })
  }
  if (existing?.action === 'add') return toForm(existing.figure)
  return toForm(prefillForDiscarded(reading.discarded, summary))
}

/**
 * The dialog that turns a decision about one number into a correction: for a figure, change
 * what was read or reject it; for a number not counted, count it. A reason is required, as in
 * data/corrections.json. Modal: focus stays inside until it is saved or closed (Escape closes).
 */
export function CorrectionDialog({
  reading,
  existing,
  summary,
  catalog,
  names,
  onSave,
  onRemove,
  onClose,
}: CorrectionDialogProps) {
  const id = useId()
  const titleId = `${id}-title`
  const sentenceId = `${id}-sentence`
  const fieldId = (name: string) => `${id}-${name}`
  const panelRef = useRef<HTMLDivElement>(null)
  const record = recordOf(reading)
  const isFigure = reading.kind === 'figure'

  const [mode, setMode] = useState<Mode>(
    isFigure ? (existing?.action === 'reject' ? 'reject' : 'fix') : 'add',
  )
  const [fields, setFields] = useState<FormFields>(() => initialFields(reading, existing, summary))
  const [reason, setReason] = useState(existing?.reason ?? '')
  const [errors, setErrors] = useState<Errors>({})

  // The first control takes the focus when the dialog opens.
  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus()
  }, [])

  const units = fields.metric === '' ? [] : unitsFor(fields.metric as MetricKey, catalog)
  const change = (name: keyof FormFields, value: string) =>
    setFields((current) => {
      const next = { ...current, [name]: value }
      // A metric of another kind needs a unit of its kind (yuan for investment, not a count).
      if (name === 'metric' && value !== '') {
        const allowed = unitsFor(value as MetricKey, catalog)
        if (!allowed.includes(next.unit as Unit)) next.unit = allowed[0] ?? 'count'
      }
      return next
    })

  function readFigure(found: Errors): FigureFields | null {
    const value = Number(fields.value)
    if (fields.metric === '') found.metric = t('analyze.dialog.metricMissing')
    if (fields.value.trim() === '' || !Number.isFinite(value) || value < 0) {
      found.value = t('analyze.dialog.valueInvalid')
    }
    if (fields.district === '') found.district = t('analyze.dialog.districtMissing')
    if (found.metric || found.value || found.district) return null
    return {
      metric: fields.metric as MetricKey,
      value,
      unit: fields.unit as Unit,
      qualifier: fields.qualifier as Qualifier,
      district: fields.district as DistrictId,
      edition: fields.edition === NO_EDITION ? null : Number(fields.edition),
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    const found: Errors = {}
    const figure = mode === 'reject' ? null : readFigure(found)
    if (reason.trim() === '') found.reason = t('analyze.dialog.reasonMissing')
    const date = todayIso()
    let correction: Correction | null = null
    if (Object.keys(found).length === 0) {
      if (mode === 'reject') {
        correction = rejectCorrection(
          { sentence: record.sentence, number: record.text },
          reason,
          date,
        )
      } else if (figure && reading.kind === 'figure') {
        correction = fixCorrection(reading.observation, figure, reason, date)
        if (!correction) found.form = t('analyze.dialog.unchanged')
      } else if (figure && reading.kind === 'discarded') {
        correction = addCorrection(reading.discarded, figure, reason, date)
      }
    }
    setErrors(found)
    if (correction) {
      onSave(correction)
      return
    }
    const first = (['metric', 'value', 'district', 'reason'] as const).find((name) => found[name])
    if (first) document.getElementById(fieldId(first))?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    handleModalKeys(event, onClose, () =>
      [
        ...(panelRef.current?.querySelectorAll<HTMLElement>(
          'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])',
        ) ?? []),
      ].filter(
        // Only the checked radio of a group takes Tab.
        (element) =>
          !(element instanceof HTMLInputElement && element.type === 'radio' && !element.checked),
      ),
    )
  }

  const describedBy = (name: ErrorField, hint?: string) =>
    [hint, errors[name] ? fieldId(`${name}-error`) : null].filter(Boolean).join(' ') || undefined
  const fieldError = (name: ErrorField) =>
    errors[name] ? (
      <span id={fieldId(`${name}-error`)} className="analyze-dialog__error">
        {errors[name]}
      </span>
    ) : null

  const offset = record.start - record.sentenceStart
  const editions = [...catalog.editions].sort((a, b) => a.edition - b.edition)

  return (
    <div className="analyze-dialog-backdrop">
      <div
        ref={panelRef}
        className="analyze-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={sentenceId}
        onKeyDown={onKeyDown}
      >
        <header className="analyze-dialog__header">
          <h2 id={titleId}>
            {isFigure
              ? t('analyze.dialog.titleCorrect', { number: record.text })
              : t('analyze.dialog.titleCount', { number: record.text })}
          </h2>
          <button
            type="button"
            className="dialog-close"
            onClick={onClose}
            aria-label={t('analyze.dialog.close')}
          >
            ×
          </button>
        </header>
        <p id={sentenceId} className="source-sentence analyze-dialog__sentence" lang="en">
          {record.sentence.slice(0, offset)}
          <mark>{record.sentence.slice(offset, offset + record.text.length)}</mark>
          {record.sentence.slice(offset + record.text.length)}
        </p>
        <p className="analyze-dialog__reading">
          <strong>{isFigure ? t('analyze.dialog.readAs') : t('analyze.dialog.pipeline')}</strong>
          {describeReading(reading, names)}
        </p>
        {existing ? (
          <p className="analyze-dialog__existing">
            {t('analyze.dialog.existing', { correction: describeCorrection(existing, names) })}
          </p>
        ) : null}

        <form className="analyze-dialog__form" noValidate onSubmit={submit}>
          {isFigure ? (
            <fieldset className="analyze-dialog__choice">
              <legend>{t('analyze.dialog.choice')}</legend>
              <label>
                <input
                  type="radio"
                  name={fieldId('mode')}
                  value="fix"
                  checked={mode === 'fix'}
                  onChange={() => setMode('fix')}
                />{' '}
                {t('analyze.dialog.fix')}
              </label>
              <label>
                <input
                  type="radio"
                  name={fieldId('mode')}
                  value="reject"
                  checked={mode === 'reject'}
                  onChange={() => setMode('reject')}
                />{' '}
                {t('analyze.dialog.reject')}
              </label>
            </fieldset>
          ) : null}

          {mode === 'reject' ? null : (
            <fieldset className="analyze-dialog__fields">
              <legend>
                {isFigure ? t('analyze.dialog.figureLegend') : t('analyze.dialog.countLegend')}
              </legend>
              <div className="analyze-field analyze-field--wide">
                <label htmlFor={fieldId('metric')}>{t('analyze.dialog.metric')}</label>
                <select
                  id={fieldId('metric')}
                  value={fields.metric}
                  aria-invalid={errors.metric ? true : undefined}
                  aria-describedby={describedBy('metric')}
                  onChange={(event) => change('metric', event.target.value)}
                >
                  {fields.metric === '' ? (
                    <option value="">{t('analyze.dialog.metricChoose')}</option>
                  ) : null}
                  {catalog.metrics.map((metric) => (
                    <option key={metric.key} value={metric.key}>
                      {localName(metric)}
                    </option>
                  ))}
                </select>
                {fieldError('metric')}
              </div>
              <div className="analyze-field">
                <label htmlFor={fieldId('qualifier')}>{t('analyze.dialog.qualifier')}</label>
                <select
                  id={fieldId('qualifier')}
                  value={fields.qualifier}
                  onChange={(event) => change('qualifier', event.target.value)}
                >
                  {QUALIFIERS.map((qualifier) => (
                    <option key={qualifier} value={qualifier}>
                      {qualifierLabel(qualifier)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="analyze-field">
                <label htmlFor={fieldId('value')}>{t('analyze.dialog.value')}</label>
                <input
                  id={fieldId('value')}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={fields.value}
                  aria-invalid={errors.value ? true : undefined}
                  aria-describedby={describedBy('value', fieldId('value-hint'))}
                  onChange={(event) => change('value', event.target.value)}
                />
                <span id={fieldId('value-hint')} className="analyze-field__hint">
                  {t('analyze.dialog.valueHint')}
                </span>
                {fieldError('value')}
              </div>
              <div className="analyze-field">
                <label htmlFor={fieldId('unit')}>{t('analyze.dialog.unit')}</label>
                <select
                  id={fieldId('unit')}
                  value={fields.unit}
                  onChange={(event) => change('unit', event.target.value)}
                >
                  {(units.length > 0 ? units : [fields.unit as Unit]).map((unit) => (
                    <option key={unit} value={unit}>
                      {unitLabel(unit)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="analyze-field">
                <label htmlFor={fieldId('district')}>{t('analyze.dialog.district')}</label>
                <select
                  id={fieldId('district')}
                  value={fields.district}
                  aria-invalid={errors.district ? true : undefined}
                  aria-describedby={describedBy('district')}
                  onChange={(event) => change('district', event.target.value)}
                >
                  {fields.district === '' ? (
                    <option value="">{t('analyze.dialog.districtChoose')}</option>
                  ) : null}
                  {DISTRICT_IDS.map((district) => (
                    <option key={district} value={district}>
                      {names.district(district)}
                    </option>
                  ))}
                </select>
                {fieldError('district')}
              </div>
              <div className="analyze-field">
                <label htmlFor={fieldId('edition')}>{t('analyze.dialog.edition')}</label>
                <select
                  id={fieldId('edition')}
                  value={fields.edition}
                  onChange={(event) => change('edition', event.target.value)}
                >
                  <option value={NO_EDITION}>{t('analyze.dialog.noEdition')}</option>
                  {editions.map((edition) => (
                    <option key={edition.edition} value={String(edition.edition)}>
                      {names.edition(edition.edition)}
                    </option>
                  ))}
                </select>
              </div>
            </fieldset>
          )}

          <div className="analyze-field analyze-field--wide">
            <label htmlFor={fieldId('reason')}>{t('analyze.dialog.reason')}</label>
            <textarea
              id={fieldId('reason')}
              rows={2}
              value={reason}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={describedBy('reason', fieldId('reason-hint'))}
              onChange={(event) => setReason(event.target.value)}
            />
            <span id={fieldId('reason-hint')} className="analyze-field__hint">
              {t('analyze.dialog.reasonHint')}
            </span>
            {fieldError('reason')}
          </div>

          {errors.form ? (
            <p className="analyze-dialog__error" role="alert">
              {errors.form}
            </p>
          ) : null}

          <div className="analyze-dialog__actions">
            <button type="submit" className="button">
              {mode === 'reject'
                ? t('analyze.dialog.submitReject')
                : mode === 'add'
                  ? t('analyze.dialog.submitAdd')
                  : t('analyze.dialog.submitFix')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('analyze.dialog.cancel')}
            </button>
            {existing ? (
              <button type="button" className="button button--secondary" onClick={onRemove}>
                {t('analyze.dialog.remove')}
              </button>
            ) : null}
          </div>
        </form>
      </div>
    </div>
  )
}
