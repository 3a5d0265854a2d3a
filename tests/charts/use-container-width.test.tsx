import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_CHART_WIDTH, useContainerWidth } from '../../src/charts/use-container-width'

function Probe({ fallback }: { fallback?: number }) {
  const { ref, width } = useContainerWidth(fallback)
  return <div ref={ref}>width {width}</div>
}

type Callback = (entries: Array<{ contentRect: { width: number } }>) => void

describe('useContainerWidth', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('falls back to 640 where there is no ResizeObserver (jsdom)', () => {
    expect(typeof globalThis.ResizeObserver).toBe('undefined')
    render(<Probe />)
    expect(screen.getByText(`width ${DEFAULT_CHART_WIDTH}`)).toBeInTheDocument()
    expect(DEFAULT_CHART_WIDTH).toBe(640)
  })

  it('measures the element at once when it has a layout', () => {
    const spy = vi
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockReturnValue({ width: 412.8 } as DOMRect)
    render(<Probe />)
    expect(screen.getByText('width 412')).toBeInTheDocument()
    spy.mockRestore()
  })

  it('follows the element as it resizes, and stops observing when it goes', () => {
    const observers: Array<{ callback: Callback; disconnect: ReturnType<typeof vi.fn> }> = []
    class FakeResizeObserver {
      disconnect = vi.fn()
      constructor(public callback: Callback) {
        observers.push(this)
      }
      observe() {}
      unobserve() {}
    }
    vi.stubGlobal('ResizeObserver', FakeResizeObserver)

    const { unmount } = render(<Probe fallback={500} />)
    expect(screen.getByText('width 500')).toBeInTheDocument()
    const observer = observers[0]
    if (!observer) throw new Error('no observer')
    act(() => observer.callback([{ contentRect: { width: 343.6 } }]))
    expect(screen.getByText('width 343')).toBeInTheDocument()
    // No layout yet (width 0): the fallback again, never a zero-wide chart.
    act(() => observer.callback([{ contentRect: { width: 0 } }]))
    expect(screen.getByText('width 500')).toBeInTheDocument()
    unmount()
    expect(observer.disconnect).toHaveBeenCalled()
  })
})
