import type { Organisation } from './schema'
import { matchesOf } from './matches'

const LIST_INTRO = /\b(?:such as|including|like|among them|among which|notably)\s+/g
const NAME_WORD = /^(?:[A-Z][\w&.'’-]*|&|of|and|for|the|de|du|van|von)$/
const CONNECTOR = /^(?:of|and|for|the|de|du|van|von|&)$/
const ROLE_PARTNER = /\bpartners?\b/i
const ROLE_ENTERPRISE =
  /\b(?:enterprises?|companies|firms?|brands?|exhibitors?|multinationals?|corporations?|businesses|groups|giants?)\b/i
const ATTENDED =
  /^((?:[A-Z][\w&.'’-]*\s+){0,5}[A-Z][\w&.'’-]*)\s+(?:has|have|had)?\s*(?:participated|taken part|took part|exhibited|attended)\s+(?:in\s+)?(?:the\s+|this year’s\s+|this year's\s+)?(?:\w+\s+)?(?:CIIE|China International Import Expo|expo)\b/

/**
 * Organisations a sentence names as partners or participating enterprises: the lists after
 * "partners such as ..." and "enterprises including ...", and "X participated in the CIIE".
 */
export function findOrganisations(sentence: string): Array<Pick<Organisation, 'name' | 'role'>> {
  const found: Array<Pick<Organisation, 'name' | 'role'>> = []
  for (const intro of matchesOf(LIST_INTRO, sentence)) {
    const lead = sentence.slice(Math.max(0, intro.index - 60), intro.index)
    const role = ROLE_PARTNER.test(lead)
      ? 'partner'
      : ROLE_ENTERPRISE.test(lead)
        ? 'enterprise'
        : null
    if (!role) continue
    for (const name of readNameList(sentence.slice(intro.index + intro[0].length)))
      found.push({ name, role })
  }
  const attended = ATTENDED.exec(sentence)
  const subject = attended?.[1]?.trim()
  if (subject && !/^(?:The|It|They|This|These|Some|Many|More|Over)\b/.test(subject)) {
    found.push({ name: subject, role: 'enterprise' })
  }
  return found
}

/** "A, B, or B2, and C signing up" → [A, B, C]: capitalised names until the list ends. */
function readNameList(text: string): Array<string> {
  const names: Array<string> = []
  const items = text.split(/,\s+|\s+and\s+(?=[A-Z])|\s+or\s+(?=[A-Z])/)
  for (const rawItem of items) {
    const item = rawItem.replace(/^(?:and|or)\s+/, '')
    // "Jones Lang LaSalle, or JLL": an acronym after "or" names the same organisation.
    if (/^[A-Z]{2,6}$/.test(item.trim()) && /^or\s/.test(rawItem.trim())) continue
    const words = item.split(/\s+/)
    const kept: Array<string> = []
    for (const word of words) {
      if (!NAME_WORD.test(word)) break
      kept.push(word)
    }
    // A lower-case word after the name ends the list ("... and Ernst & Young signing up").
    const listGoesOn = kept.length === words.length
    while (kept.length > 0 && CONNECTOR.test(kept[kept.length - 1] ?? '')) kept.pop()
    if (kept[0] === 'the') kept.shift()
    const name = kept.join(' ').replace(/[.,;:]+$/, '')
    if (!/^[A-Z]/.test(name)) break
    names.push(name)
    if (!listGoesOn) break
  }
  return names
}
