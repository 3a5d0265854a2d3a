import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { districtColor, markColorVars } from '../charts/district-colors'
import { localName, t } from '../i18n/i18n'
import type { DistrictId, MetricKey } from '../pipeline/schema'
import { MAX_DISTRICTS } from './compare-state'
import type { SummaryModel } from './summary-model'

export interface DistrictPickerProps {
  model: SummaryModel
  districts: ReadonlyArray<DistrictId>
  onAdd: (district: DistrictId) => void
  onRemove: (district: DistrictId) => void
}

/**
 * The chosen districts as chips, each with a remove button, and a select with an Add button for
 * the rest. A select that added on `change` would add whatever the arrow keys pass over in some
 * browsers; the button makes adding a deliberate step for keyboard users too.
 */
export function DistrictPicker({ model, districts, onAdd, onRemove }: DistrictPickerProps) {
  const selectId = useId()
  const noteId = useId()
  const [choice, setChoice] = useState('')
  const chipsRef = useRef<HTMLUListElement>(null)
  const selectRef = useRef<HTMLSelectElement>(null)
  // After a removal the button under the pointer is gone: focus moves to the next chip's button.
  const focusAfterRemoval = useRef<number | null>(null)
  const chosenKey = districts.join(',')

  useEffect(() => {
    const index = focusAfterRemoval.current
    if (index === null) return
    focusAfterRemoval.current = null
    const buttons = chipsRef.current?.querySelectorAll('button') ?? []
    const target = buttons[Math.min(index, buttons.length - 1)] ?? selectRef.current
    target?.focus()
  }, [chosenKey])

  const full = districts.length >= MAX_DISTRICTS
  const remaining = model.districts.filter((d) => !districts.includes(d.id))
  const chosen = model.findDistrict(choice)?.id

  const add = (event: FormEvent) => {
    event.preventDefault()
    if (!chosen || full) return
    setChoice('')
    onAdd(chosen)
  }

  return (
    <fieldset className="compare-picker">
      <legend className="compare-picker__legend">
        {t('compare.picker.legend')}{' '}
        <span className="muted">
          {t('compare.picker.count', { count: districts.length, max: MAX_DISTRICTS })}
        </span>
      </legend>
      {districts.length > 0 ? (
        <ul ref={chipsRef} className="compare-chips" aria-label={t('compare.picker.chosen')}>
          {districts.map((id, index) => (
            <li key={id} className="compare-chip">
              <span
                className="compare-swatch"
                style={markColorVars(districtColor(id))}
                aria-hidden="true"
              />
              <span className="compare-chip__name">{model.districtName(id)}</span>
              <button
                type="button"
                className="compare-chip__remove"
                aria-label={t('compare.picker.remove', { name: model.districtName(id) })}
                title={t('compare.picker.remove', { name: model.districtName(id) })}
                onClick={() => {
                  focusAfterRemoval.current = index
                  onRemove(id)
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="compare-add" onSubmit={add}>
        <label className="control" htmlFor={selectId}>
          {t('compare.picker.addLabel')}
        </label>
        <div className="compare-add__row">
          <select
            ref={selectRef}
            id={selectId}
            value={full ? '' : choice}
            disabled={full}
            aria-describedby={full ? noteId : undefined}
            onChange={(event) => setChoice(event.target.value)}
          >
            <option value="">{t('compare.picker.choose')}</option>
            {remaining.map((d) => (
              <option key={d.id} value={d.id}>
                {t('compare.picker.option', {
                  name: localName(d),
                  count: model.aggregates({ district: d.id }).length,
                })}
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={full || !chosen}>
            {t('compare.picker.add')}
          </button>
        </div>
        {full ? (
          <p id={noteId} className="compare-add__note">
            {t('compare.picker.full', { max: MAX_DISTRICTS })}
          </p>
        ) : null}
      </form>
    </fieldset>
  )
}

export interface MetricChooserProps {
  model: SummaryModel
  districts: ReadonlyArray<DistrictId>
  metrics: ReadonlyArray<MetricKey>
  onToggle: (metric: MetricKey) => void
}

/**
 * A checkbox per metric, folded away so the charts stay near the top on a phone. Each says how
 * many of the chosen districts report it. The last checked box cannot be cleared: a comparison
 * of nothing would only fall back to the default figures.
 */
export function MetricChooser({ model, districts, metrics, onToggle }: MetricChooserProps) {
  const lastId = useId()
  const chosen = new Set(metrics)
  return (
    <details className="compare-metrics">
      <summary>
        {t('compare.chooser.summary', { count: metrics.length, total: model.metrics.length })}
      </summary>
      <fieldset className="compare-metrics__list">
        <legend className="visually-hidden">{t('compare.chooser.legend')}</legend>
        {model.metrics.map((m) => {
          const reporting = districts.filter(
            (district) => model.aggregates({ district, metric: m.key }).length > 0,
          ).length
          const isLast = chosen.has(m.key) && chosen.size === 1
          return (
            <label key={m.key} className="compare-metrics__item">
              <input
                type="checkbox"
                checked={chosen.has(m.key)}
                disabled={isLast}
                aria-describedby={isLast ? lastId : undefined}
                onChange={() => onToggle(m.key)}
              />
              <span>
                {localName(m)}{' '}
                <span className="muted">
                  {districts.length === 0
                    ? ''
                    : reporting === 0
                      ? t('compare.chooser.none')
                      : t('compare.chooser.reach', { count: reporting, total: districts.length })}
                </span>
              </span>
            </label>
          )
        })}
        {chosen.size === 1 ? (
          <p id={lastId} className="compare-metrics__note">
            {t('compare.chooser.last')}
          </p>
        ) : null}
      </fieldset>
    </details>
  )
}
