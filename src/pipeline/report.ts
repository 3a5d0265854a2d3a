import type { Dataset } from './schema'

/**
 * A plain-text review of every article: what was extracted, and every number that was not,
 * with the reason, so a person can check a new article in a minute.
 */
export function formatReport(dataset: Dataset): string {
  const lines: Array<string> = []
  for (const article of dataset.articles) {
    const observations = dataset.observations.filter(
      (observation) => observation.article === article.id,
    )
    const discarded = dataset.discarded.filter((item) => item.article === article.id)
    lines.push(`== ${article.id} (${article.date})`)
    lines.push(
      `   district: ${article.district ?? 'none'}${article.area ? ` / ${article.area}` : ''}   edition: ${article.edition ?? 'none'}   ${observations.length} figures, ${discarded.length} discarded`,
    )
    for (const warning of article.warnings) lines.push(`   ! ${warning}`)
    if (observations.length > 0) {
      lines.push('   figures:')
      lines.push(
        ...table(
          ['metric', 'value', 'unit', 'qualifier', 'district', 'area', 'ed.', 'scope', 'words'],
          observations.map((observation) => [
            observation.metric,
            String(observation.value),
            observation.unit,
            observation.qualifier,
            observation.district,
            observation.area ?? '',
            observation.edition === null ? '-' : String(observation.edition),
            observation.scope,
            `"${observation.text}"`,
          ]),
        ),
      )
    }
    if (discarded.length > 0) {
      lines.push('   discarded:')
      lines.push(
        ...table(
          ['words', 'reason'],
          discarded.map((item) => [`"${item.text}"`, item.reason]),
        ),
      )
    }
    lines.push('')
  }
  lines.push(
    `${dataset.articles.length} articles, ${dataset.observations.length} figures, ${dataset.discarded.length} discarded, ${dataset.milestones.length} milestones`,
  )
  return lines.join('\n')
}

function table(header: Array<string>, rows: Array<Array<string>>): Array<string> {
  const widths = header.map((title, column) =>
    Math.min(48, Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length))),
  )
  const line = (cells: Array<string>) =>
    `     ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd()
  return [line(header), ...rows.map(line)]
}
