import { useMemo } from 'react'

/**
 * `value`, kept as the same object for as long as its JSON stays the same. recharts remounts
 * every bar when its data or ticks arrays change identity (even with equal content), which would
 * drop keyboard focus each time the chart re-renders; charts pass their arrays through this.
 * For plain JSON data only (numbers, strings, null, arrays, objects).
 */
export function useStableValue<T>(value: T): T {
  const json = JSON.stringify(value)
  return useMemo(() => JSON.parse(json) as T, [json])
}
