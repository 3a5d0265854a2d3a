import { t } from '../i18n/i18n'
import { markColorVars } from './district-colors'
import './charts.css'

export interface LegendItem {
  key: string
  label: string
  color: string
}

/** An HTML legend: a colour swatch and a name per entry, wrapping onto as many lines as needed. */
export function Legend({ items, label }: { items: LegendItem[]; label?: string }) {
  return (
    <ul className="chart-legend" aria-label={label ?? t('charts.legend.label')}>
      {items.map((item) => (
        <li key={item.key} className="chart-legend__item">
          <span
            className="chart-legend__swatch"
            style={markColorVars(item.color)}
            aria-hidden="true"
          />
          {item.label}
        </li>
      ))}
    </ul>
  )
}
