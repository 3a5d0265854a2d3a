import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DRAW_AHEAD_PX, DeferredChart } from '../../src/charts/deferred-chart'

type IntersectionCallback = (entries: Array<{ isIntersecting: boolean }>) => void
type ResizeCallback = (entries: Array<{ contentRect: { width: number } }>) => void

const drawn = (width: number) => <p>chart at {width}px</p>

/** Gives every element the box `box` (jsdom has no layout). */
function layOut(box: Partial<DOMRect>) {
  return vi
    .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
    .mockReturnValue({ width: 0, top: 0, bottom: 0, ...box } as DOMRect)
}

function fakeObservers() {
  const intersections: Array<{ callback: IntersectionCallback; options: unknown }> = []
  const resizes: Array<{ callback: ResizeCallback }> = []
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(
        public callback: IntersectionCallback,
        public options: unknown,
      ) {
        intersections.push(this)
      }
      observe() {}
      disconnect() {}
    },
  )
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(public callback: ResizeCallback) {
        resizes.push(this)
      }
      observe() {}
      disconnect() {}
    },
  )
  return { intersections, resizes }
}

describe('DeferredChart', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('draws at once where nothing has a layout (jsdom), at the default width', () => {
    render(<DeferredChart height={200}>{drawn}</DeferredChart>)
    expect(screen.getByText('chart at 640px')).toBeInTheDocument()
  })

  it('draws a chart on screen before the first paint, at the width of its box', () => {
    fakeObservers()
    layOut({ width: 380.6, top: 500, bottom: 700 })
    render(<DeferredChart height={200}>{drawn}</DeferredChart>)
    expect(screen.getByText('chart at 380px')).toBeInTheDocument()
  })

  it('holds the place of a chart below the screen, and draws it when it comes near', () => {
    const { intersections } = fakeObservers()
    layOut({ width: 380, top: window.innerHeight + 900, bottom: window.innerHeight + 1100 })
    const { container } = render(<DeferredChart height={200}>{drawn}</DeferredChart>)
    expect(screen.queryByText(/chart at/)).toBeNull()
    const placeholder = container.firstElementChild as HTMLElement
    expect(placeholder.style.height).toBe('200px')

    const observer = intersections[0]
    if (!observer) throw new Error('no IntersectionObserver')
    expect(observer.options).toEqual({ rootMargin: `${DRAW_AHEAD_PX}px 0px` })
    act(() => observer.callback([{ isIntersecting: false }]))
    expect(screen.queryByText(/chart at/)).toBeNull()
    act(() => observer.callback([{ isIntersecting: true }]))
    expect(screen.getByText('chart at 380px')).toBeInTheDocument()
    expect(placeholder.style.height).toBe('')
  })

  it('follows its box as it resizes', () => {
    const { resizes } = fakeObservers()
    layOut({ width: 380, top: 100, bottom: 300 })
    render(<DeferredChart height={200}>{drawn}</DeferredChart>)
    act(() => resizes[0]?.callback([{ contentRect: { width: 251.9 } }]))
    expect(screen.getByText('chart at 251px')).toBeInTheDocument()
  })

  // Last: once printed, every chart stays drawn for the rest of the module's life.
  it('draws every chart when the page is printed', () => {
    fakeObservers()
    layOut({ width: 380, top: window.innerHeight + 900, bottom: window.innerHeight + 1100 })
    render(
      <>
        <DeferredChart height={200}>{() => <p>first</p>}</DeferredChart>
        <DeferredChart height={200}>{() => <p>second</p>}</DeferredChart>
      </>,
    )
    expect(screen.queryByText('first')).toBeNull()
    act(() => {
      window.dispatchEvent(new Event('beforeprint'))
    })
    expect(screen.getByText('first')).toBeInTheDocument()
    expect(screen.getByText('second')).toBeInTheDocument()
  })
})
