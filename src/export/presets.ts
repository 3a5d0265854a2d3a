import { t } from '../i18n/i18n'

/**
 * Size presets for exported figures. A figure is laid out in CSS pixels at `width` × `height`
 * and drawn at `scale`, so text stays the size it would be on a page while the image is sharp.
 * `height: null` means the figure takes the height its content needs (up to `maxHeight`).
 */
export interface SizePreset {
  id: PresetId
  /** Layout width in CSS pixels; null = the chart's width on screen. */
  width: number | null
  height: number | null
  maxHeight: number
  scale: number
}

export const PRESET_IDS = ['slide', 'document', 'square', 'screen'] as const
export type PresetId = (typeof PRESET_IDS)[number]

/** A4 is 210 mm wide: 794 CSS pixels at 96 per inch; its height is 1123. */
const A4_WIDTH = 794
const A4_HEIGHT = 1123

export const PRESETS: Readonly<Record<PresetId, SizePreset>> = {
  slide: { id: 'slide', width: 960, height: 540, maxHeight: 540, scale: 2 },
  document: {
    id: 'document',
    width: A4_WIDTH,
    height: null,
    maxHeight: A4_HEIGHT,
    scale: 2,
  },
  square: { id: 'square', width: 540, height: 540, maxHeight: 540, scale: 2 },
  screen: {
    id: 'screen',
    width: null,
    height: null,
    maxHeight: 2400,
    scale: 2,
  },
}

/** The layout box for a preset; `screenWidth` is the chart's width on the page. */
export interface FigureSize {
  width: number
  /** Fixed height, or null to fit the content (never above maxHeight). */
  height: number | null
  maxHeight: number
  scale: number
}

export function figureSize(preset: PresetId, screenWidth: number): FigureSize {
  const p = PRESETS[preset]
  const width = p.width ?? Math.round(Math.min(1600, Math.max(320, screenWidth)))
  return { width, height: p.height, maxHeight: p.maxHeight, scale: p.scale }
}

/** A preset's name in the current language: "Slide 16:9", "幻灯片 16:9". */
export function presetLabel(id: PresetId): string {
  switch (id) {
    case 'slide':
      return t('export.preset.slide')
    case 'document':
      return t('export.preset.document')
    case 'square':
      return t('export.preset.square')
    case 'screen':
      return t('export.preset.screen')
  }
}

/** What the preset gives: "A4 width", "2× sharper", or its pixel size "1920 × 1080". */
export function presetHint(id: PresetId): string {
  const p = PRESETS[id]
  if (id === 'document') return t('export.preset.hintA4')
  if (p.width === null) return t('export.preset.hintSharper')
  return `${p.width * p.scale} × ${(p.height ?? 0) * p.scale}`
}

export function isPresetId(value: unknown): value is PresetId {
  return typeof value === 'string' && (PRESET_IDS as ReadonlyArray<string>).includes(value)
}
