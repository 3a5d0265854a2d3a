// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { compileMessage } from '@lingui/message-utils/compileMessage'
import { describe, expect, it } from 'vitest'
import { ALL_CATALOGS } from '../../src/i18n/i18n'
import { LOCALES } from '../../src/i18n/locale'

const ROOT = join(import.meta.dirname, '..', '..')
const catalog = (locale: string, name: string): Record<string, string> =>
  JSON.parse(readFileSync(join(ROOT, 'src/locales', locale, `${name}.json`), 'utf8')) as Record<
    string,
    string
  >

/** The placeholders a message uses ({count}, {name}), whatever the language's words around them. */
function placeholders(message: string): Array<string> {
  const names = new Set<string>()
  const walk = (tokens: ReturnType<typeof compileMessage>) => {
    if (typeof tokens === 'string') return
    for (const token of tokens) {
      if (typeof token === 'string') continue
      if (token[0]) names.add(String(token[0]))
      const options = token[2]
      if (options && typeof options === 'object')
        for (const option of Object.values(options))
          if (Array.isArray(option) || typeof option === 'string') walk(option as never)
    }
  }
  walk(compileMessage(message))
  return [...names].sort()
}

function sourceFiles(folder: string): Array<string> {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return entry.name === 'pipeline' ? [] : sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : []
  })
}

// `t('some.id'` and `t(\n 'some.id'`: ids are always literals, so they can be checked here.
const USED_ID = /\bt\(\s*'([^']+)'/g
const used = new Map<string, string>()
for (const file of sourceFiles(join(ROOT, 'src')))
  for (const match of readFileSync(file, 'utf8').matchAll(USED_ID))
    used.set(match[1] ?? '', relative(ROOT, file))

describe('the message catalogs', () => {
  it.each(ALL_CATALOGS)('%s has the same messages in every language, none empty', (name) => {
    const english = catalog('en', name)
    for (const locale of LOCALES) {
      const messages = catalog(locale, name)
      expect(Object.keys(messages).sort(), `${locale}/${name}.json`).toEqual(
        Object.keys(english).sort(),
      )
      for (const [id, message] of Object.entries(messages))
        expect(message.trim(), `${locale}/${name}.json: ${id}`).not.toBe('')
    }
  })

  it.each(ALL_CATALOGS)(
    '%s: each message parses and uses the same placeholders in every language',
    (name) => {
      for (const [id, message] of Object.entries(catalog('en', name)))
        for (const locale of LOCALES)
          expect(
            placeholders(catalog(locale, name)[id] ?? ''),
            `${locale}/${name}.json: ${id}`,
          ).toEqual(placeholders(message))
    },
  )

  it('has every id the code asks for, and no message the code never asks for', () => {
    const known = new Map<string, string>()
    for (const name of ALL_CATALOGS)
      for (const id of Object.keys(catalog('en', name))) {
        expect(known.get(id), `${id} is in two catalogs`).toBeUndefined()
        known.set(id, name)
      }
    const missing = [...used]
      .filter(([id]) => !known.has(id))
      .map(([id, file]) => `${id} (${file})`)
    expect(missing, 'ids used in src/ that no catalog has').toEqual([])
    const unused = [...known.keys()].filter((id) => !used.has(id))
    expect(unused, 'messages no code uses').toEqual([])
  })
})
