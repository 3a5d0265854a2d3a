/**
 * Light or dark (README, "Dark mode and printing"). The style sheet follows the system's
 * `prefers-color-scheme` on its own; a reader's explicit choice is `<html data-theme="light|dark">`,
 * which overrides it. Pure and tiny: the boot module applies the stored choice before the app loads.
 */

export const THEME_CHOICES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEME_CHOICES)[number]

export const THEME_STORAGE_KEY = 'ciie-dashboard:theme'

/** 'light' and 'dark' as themselves; anything else (nothing stored, a damaged value) follows the system. */
export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system'
}

/** The choice this browser remembers; storage may be blocked (private mode), which means the system's. */
export function readStoredTheme(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_STORAGE_KEY))
  } catch {
    return 'system'
  }
}

export function storeTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY)
    else localStorage.setItem(THEME_STORAGE_KEY, choice)
  } catch {
    // Not remembered across visits; this page still shows it.
  }
}

/** Sets `data-theme` on `<html>` for an explicit choice, and removes it to follow the system. */
export function applyTheme(
  choice: ThemeChoice,
  root: HTMLElement = document.documentElement,
): void {
  if (choice === 'system') root.removeAttribute('data-theme')
  else root.setAttribute('data-theme', choice)
}
