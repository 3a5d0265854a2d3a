import type { Dataset, Observation } from './schema'

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
      // A column for corrections only where there are some: most articles have none.
      const corrected = observations.some((observation) => observation.correction)
      lines.push('   figures:')
      lines.push(
        ...table(
          [
            'metric',
            'value',
            'unit',
            'qualifier',
            'district',
            'area',
            'ed.',
            'scope',
            'words',
            ...(corrected ? ['correction'] : []),
          ],
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
            ...(corrected ? [correctionOf(observation)] : []),
          ]),
        ),
      )
    }
    if (discarded.length > 0) {
      lines.push('   discarded:')
      lines.push(
        ...table(
          ['words', 'reason'],
          discarded.map((item) => [
            `"${item.text}"`,
            item.correction ? `${item.reason} (${item.correction.date})` : item.reason,
          ]),
        ),
      )
    }
    lines.push('')
  }
  const corrections =
    dataset.observations.filter((observation) => observation.correction).length +
    dataset.discarded.filter((item) => item.correction).length
  lines.push(
    `${dataset.articles.length} articles, ${dataset.observations.length} figures, ${dataset.discarded.length} discarded, ${dataset.milestones.length} milestones${corrections > 0 ? `, ${corrections} corrections applied` : ''}`,
  )
  return lines.join('\n')
}

/** "corrected: reason (date)" or "added: ...", for the rows data/corrections.json touched. */
function correctionOf(observation: Observation): string {
  const note = observation.correction
  if (!note) return ''
  return `${note.action === 'add' ? 'added' : 'corrected'}: ${note.reason} (${note.date})`
}

function table(header: Array<string>, rows: Array<Array<string>>): Array<string> {
  const widths = header.map((title, column) =>
    Math.min(48, Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length))),
  )
  const line = (cells: Array<string>) =>
    `     ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd()
  return [line(header), ...rows.map(line)]
}
