import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { currentLocale } from '../i18n/i18n'
import { LANGUAGE_TAGS } from '../i18n/locale'

export interface ArticleHighlightProps {
  /** The words as they stand in the article. */
  text: string
  /** `figure`: a number read as a figure (a `<mark>`); `discarded`: a number set aside. */
  kind: 'figure' | 'discarded'
  /** What the tooltip says about the number. */
  details: ReactNode
  /** The figure a link pointed to (`?highlight=`): drawn stronger, scrolled to and focused. */
  current?: boolean
  /** For finding the figure again (tests, the table's links). */
  observationId?: string
}

/** How far from the window's edge a tooltip stays, in pixels. */
const EDGE = 8
/** The custom property article.css moves a tooltip by, and the query that turns motion off. */
const TIP_SHIFT = '--tip-shift'
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)'

/**
 * A number in the article text with a tooltip that opens on hover and on keyboard focus, stays
 * open while the pointer is over it, and closes with Escape (WCAG 1.4.13). The tooltip is the
 * number's accessible description, so a screen reader reads it with the words.
 */
export function ArticleHighlight({
  text,
  kind,
  details,
  current = false,
  observationId,
}: ArticleHighlightProps) {
  const tooltipId = useId()
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  const [dismissed, setDismissed] = useState(false)
  const open = (hovered || focused) && !dismissed
  const numberRef = useRef<HTMLElement>(null)
  const tooltipRef = useRef<HTMLSpanElement>(null)

  useEffect(() => {
    const element = numberRef.current
    if (!current || !element) return
    const reduceMotion = window.matchMedia?.(REDUCED_MOTION).matches ?? false
    // jsdom has no layout and no scrollIntoView.
    if (typeof element.scrollIntoView === 'function') {
      element.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' })
    }
    element.focus({ preventScroll: true })
  }, [current])

  // Keeps an open tooltip inside the window: shifted sideways near an edge, above near the bottom.
  useLayoutEffect(() => {
    const tooltip = tooltipRef.current
    if (!open || !tooltip) return
    tooltip.style.removeProperty(TIP_SHIFT)
    tooltip.classList.remove('article-tip--above')
    const box = tooltip.getBoundingClientRect()
    if (box.width === 0) return
    const viewport = document.documentElement.clientWidth || window.innerWidth
    let shift = 0
    if (box.right > viewport - EDGE) shift = viewport - EDGE - box.right
    if (box.left + shift < EDGE) shift = EDGE - box.left
    if (shift !== 0) tooltip.style.setProperty(TIP_SHIFT, `${Math.round(shift)}px`)
    if (box.bottom > window.innerHeight - EDGE && box.top - box.height > EDGE) {
      tooltip.classList.add('article-tip--above')
    }
  }, [open])

  const numberProps = {
    tabIndex: 0,
    'aria-describedby': tooltipId,
    onFocus: () => {
      setFocused(true)
      setDismissed(false)
    },
    onBlur: () => setFocused(false),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Escape' && open) {
        event.stopPropagation()
        setDismissed(true)
      }
    },
  }

  return (
    <span
      className="article-hl"
      // An empty title keeps a milestone sentence's native tooltip off the number's own.
      title=""
      onMouseEnter={() => {
        setHovered(true)
        setDismissed(false)
      }}
      onMouseLeave={() => setHovered(false)}
    >
      {kind === 'figure' ? (
        <mark
          {...numberProps}
          ref={numberRef}
          className={current ? 'article-figure article-figure--current' : 'article-figure'}
          aria-current={current ? 'true' : undefined}
          data-observation-id={observationId}
        >
          {text}
        </mark>
      ) : (
        <span {...numberProps} ref={numberRef} className="article-discarded">
          {text}
        </span>
      )}
      <span
        ref={tooltipRef}
        id={tooltipId}
        role="tooltip"
        className="article-tip"
        hidden={!open}
        // The number is the article's (English); what the tooltip says is in the page's language.
        lang={LANGUAGE_TAGS[currentLocale()]}
      >
        <span className="article-tip__box">{details}</span>
      </span>
    </span>
  )
}
