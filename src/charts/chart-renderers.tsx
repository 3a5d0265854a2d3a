import { createContext, useContext, type ReactNode } from 'react'
import type { BarShapeProps, XAxisTickContentProps, YAxisTickContentProps } from 'recharts'

/**
 * recharts remounts every bar when a `shape` or axis `tick` function changes identity, which
 * drops keyboard focus on each re-render (a tooltip, a selection). So bars and ticks are given to
 * recharts as functions that never change, and what they draw comes from this context, which the
 * chart fills on each render.
 */
export interface ChartRenderers {
  /** One bar of series `seriesIndex`, from the geometry recharts computed. */
  bar?: (props: BarShapeProps, seriesIndex: number) => ReactNode
  xTick?: (props: XAxisTickContentProps) => ReactNode
  yTick?: (props: YAxisTickContentProps) => ReactNode
}

const ChartRenderersContext = createContext<ChartRenderers>({})

/** Wraps a recharts chart whose bars and ticks use the stable functions below. */
export const ChartRenderersProvider = ChartRenderersContext.Provider

function ContextBar({
  shapeProps,
  seriesIndex,
}: {
  shapeProps: BarShapeProps
  seriesIndex: number
}) {
  const { bar } = useContext(ChartRenderersContext)
  return bar ? bar(shapeProps, seriesIndex) : null
}

function ContextXTick({ tickProps }: { tickProps: XAxisTickContentProps }) {
  const { xTick } = useContext(ChartRenderersContext)
  return xTick ? xTick(tickProps) : null
}

function ContextYTick({ tickProps }: { tickProps: YAxisTickContentProps }) {
  const { yTick } = useContext(ChartRenderersContext)
  return yTick ? yTick(tickProps) : null
}

const barShapes = new Map<number, (props: BarShapeProps) => ReactNode>()

/** A `shape` for <Bar> that draws with the context's `bar` renderer. */
export function stableBarShape(seriesIndex = 0): (props: BarShapeProps) => ReactNode {
  let shape = barShapes.get(seriesIndex)
  if (!shape) {
    shape = (props: BarShapeProps) => <ContextBar shapeProps={props} seriesIndex={seriesIndex} />
    barShapes.set(seriesIndex, shape)
  }
  return shape
}

/** A `tick` for <XAxis> that draws with the context's `xTick` renderer. */
export function stableXTick(props: XAxisTickContentProps): ReactNode {
  return <ContextXTick tickProps={props} />
}

/** A `tick` for <YAxis> that draws with the context's `yTick` renderer. */
export function stableYTick(props: YAxisTickContentProps): ReactNode {
  return <ContextYTick tickProps={props} />
}
