/**
 * The language as a reader meets it in the built app: the browser's language by default, the
 * switch, `?lang=` kept in the address through in-app links, and the choice remembered.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DESKTOP, launchBrowser } from './browser'

let browser: Browser
const contexts: Array<BrowserContext> = []

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
})

/** A page in a fresh context whose browser language is `locale`, recording page errors. */
async function pageIn(locale: string): Promise<{ page: Page; errors: Array<string> }> {
  const context = await browser.newContext({
    viewport: DESKTOP,
    baseURL: inject('baseUrl'),
    locale,
  })
  contexts.push(context)
  const page = await context.newPage()
  const errors: Array<string> = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return { page, errors }
}

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang')
const pressed = (page: Page, name: string) =>
  page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed')

async function waitForLive(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.app === 'live')
}

describe('the language', () => {
  it('follows a Chinese browser, and writes ?lang=zh into the address', async () => {
    const { page, errors } = await pageIn('zh-CN')
    await page.goto('/')
    await waitForLive(page)
    await expect.poll(() => htmlLang(page)).toBe('zh-CN')
    expect(await pressed(page, '简体中文')).toBe('true')
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('zh')
    expect(errors).toEqual([])
  })

  it('stays English for an English browser, with no parameter added', async () => {
    const { page, errors } = await pageIn('en-GB')
    await page.goto('/sources')
    await waitForLive(page)
    expect(await htmlLang(page)).toBe('en')
    expect(await pressed(page, 'English')).toBe('true')
    expect(new URL(page.url()).searchParams.has('lang')).toBe(false)
    expect(errors).toEqual([])
  })

  it('switches, keeps ?lang through links, and remembers the choice on the next visit', async () => {
    const { page, errors } = await pageIn('en-US')
    await page.goto('/')
    await waitForLive(page)
    await page.getByRole('button', { name: '简体中文', exact: true }).click()
    await expect.poll(() => htmlLang(page)).toBe('zh-CN')
    expect(new URL(page.url()).searchParams.get('lang')).toBe('zh')

    // An in-app link's address has no lang: the app writes it back.
    await page.locator('.site-nav a[href="/sources"]').click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sources')
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('zh')
    expect(await htmlLang(page)).toBe('zh-CN')

    // A later visit without the parameter, in the same browser, opens in Chinese.
    const next = await page.context().newPage()
    await next.goto('/compare')
    await waitForLive(next)
    await expect.poll(() => htmlLang(next)).toBe('zh-CN')
    expect(errors).toEqual([])
  })

  it('lets a link with ?lang=en open in English in a Chinese browser', async () => {
    const { page, errors } = await pageIn('zh-CN')
    await page.goto('/?lang=en')
    await waitForLive(page)
    expect(await htmlLang(page)).toBe('en')
    expect(await pressed(page, 'English')).toBe('true')
    expect(errors).toEqual([])
  })
})
