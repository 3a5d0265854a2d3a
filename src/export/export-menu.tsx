import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { FigureSpec } from './figure-spec'
import { t } from '../i18n/i18n'
import { PRESET_IDS, isPresetId, presetHint, presetLabel, type PresetId } from './presets'
import './export-menu.css'

/**
 * The Export menu of a chart: a size preset and the actions (PNG, SVG, CSV, copy, add to report).
 * A WAI-ARIA menu button: arrow keys move, Enter or Space chooses, Escape closes and focus goes
 * back to the button. The export code loads on first use, so pages without an export stay light.
 */

export type ExportAction = 'png' | 'svg' | 'csv' | 'copy' | 'report'

export interface ExportMenuProps {
  /** Builds the figure when an action is chosen (its sources may need loading). */
  figure: () => Promise<FigureSpec>
  /** The button's text: "Export", or "Export all" for a whole view. */
  label?: string
  /** Accessible name when it must differ from the text. */
  ariaLabel?: string
}

const PRESET_STORAGE_KEY = 'ciie-dashboard.export-preset'
/** The list's min-width in export-menu.css (15rem). */
const MENU_MIN_WIDTH_PX = 240
const ACTIONS: ReadonlyArray<ExportAction> = ['png', 'svg', 'csv', 'copy', 'report']

function actionLabel(action: ExportAction): string {
  switch (action) {
    case 'png':
      return t('export.action.png')
    case 'svg':
      return t('export.action.svg')
    case 'csv':
      return t('export.action.csv')
    case 'copy':
      return t('export.action.copy')
    case 'report':
      return t('export.action.report')
  }
}

function storedPreset(): PresetId {
  try {
    const value = localStorage.getItem(PRESET_STORAGE_KEY)
    return isPresetId(value) ? value : 'document'
  } catch {
    return 'document'
  }
}

function storePreset(preset: PresetId): void {
  try {
    localStorage.setItem(PRESET_STORAGE_KEY, preset)
  } catch {
    // Not remembering the size is harmless.
  }
}

interface Status {
  tone: 'info' | 'error'
  text: string
}

export function ExportMenu({
  figure,
  label = t('export.menu.button'),
  ariaLabel,
}: ExportMenuProps) {
  const [open, setOpen] = useState(false)
  const [preset, setPreset] = useState<PresetId>(storedPreset)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<Status | null>(null)
  // The list opens towards the page: from the button's right edge, or its left near the left edge.
  const [alignStart, setAlignStart] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const menuId = useId()

  const items = () =>
    Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])

  useEffect(() => {
    if (!open) return
    items()[0]?.focus()
    const closeOnOutside = (event: PointerEvent) => {
      const target = event.target as Node | null
      if (target && !menuRef.current?.contains(target) && !buttonRef.current?.contains(target))
        setOpen(false)
    }
    document.addEventListener('pointerdown', closeOnOutside)
    return () => document.removeEventListener('pointerdown', closeOnOutside)
  }, [open])

  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) buttonRef.current?.focus()
  }

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = items()
    const index = all.indexOf(document.activeElement as HTMLElement)
    const focusAt = (i: number) => all[(i + all.length) % all.length]?.focus()
    if (event.key === 'ArrowDown') focusAt(index + 1)
    else if (event.key === 'ArrowUp') focusAt(index - 1)
    else if (event.key === 'Home') focusAt(0)
    else if (event.key === 'End') focusAt(all.length - 1)
    else if (event.key === 'Escape') close(true)
    else if (event.key === 'Tab') {
      setOpen(false)
      return
    } else return
    event.preventDefault()
  }

  const placeMenu = () => {
    const right = buttonRef.current?.getBoundingClientRect().right ?? Infinity
    setAlignStart(right < MENU_MIN_WIDTH_PX + 8)
  }

  const choosePreset = (next: PresetId) => {
    setPreset(next)
    storePreset(next)
  }

  const run = async (action: ExportAction) => {
    close(true)
    setBusy(true)
    setStatus({
      tone: 'info',
      text: action === 'report' ? t('export.status.adding') : t('export.status.preparing'),
    })
    try {
      setStatus(await timedExport(action, figure, preset, screenWidthOf(buttonRef.current)))
    } catch (error) {
      setStatus({
        tone: 'error',
        text: t('export.status.failed', {
          reason: error instanceof Error ? error.message : String(error),
        }),
      })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="export-menu">
      <button
        ref={buttonRef}
        type="button"
        className="chart-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        aria-busy={busy}
        onClick={() => {
          placeMenu()
          setOpen((shown) => !shown)
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault()
            placeMenu()
            setOpen(true)
          }
        }}
      >
        {label}
        <span aria-hidden="true" className="export-menu__caret">
          ▾
        </span>
      </button>
      {open ? (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={t('export.menu.options', { label: ariaLabel ?? label })}
          className={`export-menu__list${alignStart ? ' export-menu__list--start' : ''}`}
          onKeyDown={onMenuKeyDown}
        >
          <div role="group" aria-label={t('export.menu.size')} className="export-menu__group">
            <p className="export-menu__heading" aria-hidden="true">
              {t('export.menu.size')}
            </p>
            {PRESET_IDS.map((id) => (
              <div
                key={id}
                role="menuitemradio"
                aria-checked={preset === id}
                aria-label={t('export.menu.sizeItem', {
                  size: presetLabel(id),
                  hint: presetHint(id),
                })}
                tabIndex={-1}
                className="export-menu__item export-menu__item--radio"
                onClick={() => choosePreset(id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault()
                    choosePreset(id)
                  }
                }}
              >
                {/* A real element, not CSS content, so it can be hidden from assistive tech. */}
                <span className="export-menu__check" aria-hidden="true">
                  {preset === id ? '✓' : ''}
                </span>
                {presetLabel(id)}
                <span className="export-menu__hint">{presetHint(id)}</span>
              </div>
            ))}
          </div>
          <div role="separator" className="export-menu__separator" />
          {ACTIONS.map((action) => (
            <div
              key={action}
              role="menuitem"
              tabIndex={-1}
              className="export-menu__item"
              onClick={() => void run(action)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault()
                  void run(action)
                }
              }}
            >
              {actionLabel(action)}
            </div>
          ))}
        </div>
      ) : null}
      <p
        className={`export-menu__status${status?.tone === 'error' ? ' export-menu__status--error' : ''}`}
        role="status"
      >
        {status?.text ?? ''}
      </p>
    </div>
  )
}

/** The chart's width on the page: the figure the menu belongs to. */
function screenWidthOf(button: HTMLElement | null): number {
  const frame = button?.closest('figure') ?? button?.closest('section')
  return Math.round(frame?.getBoundingClientRect().width ?? 800) || 800
}

/** Runs an export and records its duration (npm run bench reads `export:png`; so can devtools). */
async function timedExport(...args: Parameters<typeof runExport>): Promise<Status> {
  const start = performance.now()
  const status = await runExport(...args)
  performance.measure(`export:${args[0]}`, { start, end: performance.now() })
  return status
}

async function runExport(
  action: ExportAction,
  figure: () => Promise<FigureSpec>,
  preset: PresetId,
  screenWidth: number,
): Promise<Status> {
  const exporter = await import('./export-figure')
  if (action === 'report') {
    const [{ addToReport }, spec] = await Promise.all([import('./report-store'), figure()])
    const count = addToReport(spec)
    return {
      tone: 'info',
      text: t('export.status.added', { count }),
    }
  }
  if (action === 'copy') {
    const png = figure().then((spec) => exporter.figurePngFile(spec, preset, screenWidth))
    const result = await exporter.copyPngToClipboard(png.then((file) => file.blob))
    if (result.copied) return { tone: 'info', text: t('export.status.copied') }
    const file = await png
    exporter.downloadFile(file)
    return {
      tone: 'error',
      text: t('export.status.copyFallback', { reason: result.reason, file: file.fileName }),
    }
  }
  const spec = await figure()
  const file =
    action === 'png'
      ? await exporter.figurePngFile(spec, preset, screenWidth)
      : action === 'svg'
        ? exporter.figureSvgFile(spec, preset, screenWidth)
        : exporter.figureCsvFile(spec)
  exporter.downloadFile(file)
  return { tone: 'info', text: t('export.status.downloaded', { file: file.fileName }) }
}
