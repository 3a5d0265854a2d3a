import { QueryClient } from '@tanstack/react-query'
import { act } from '@testing-library/react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { prerenderPage, prerenderPaths, viewModuleOf } from '../../src/app/prerender'
import { prefetchPageData } from '../../src/app/page-data'
import { whenInitialized } from '../../src/app/prerendered'
import { AppProviders } from '../../src/app/providers'
import { routes } from '../../src/app/router'
import { readGoldenText } from '../mocks/golden-files'
import { goldenArticleIndex, goldenDistrict, goldenSummary } from '../mocks/golden'

/** The golden API files, as the build reads public/api. */
async function readGoldenFile(file: string): Promise<string> {
  const text = readGoldenText(file)
  if (text === null) throw new Error(`no golden API file ${file}`)
  return text
}

const districtWithFigures = goldenSummary.aggregates[0]?.district
if (districtWithFigures === undefined) throw new Error('the golden summary has no figures')
const article = goldenArticleIndex.articles[0]
if (article === undefined) throw new Error('the golden API has no article')

describe('prerenderPaths', () => {
  it('lists the fixed pages and one page per district, edition, metric and article', async () => {
    const paths = await prerenderPaths(readGoldenFile)
    expect(paths.slice(0, 6)).toEqual([
      '/',
      '/compare',
      '/sources',
      '/report',
      '/analyze',
      '/conflicts',
    ])
    for (const district of goldenSummary.districts)
      expect(paths).toContain(`/districts/${district.id}`)
    for (const edition of goldenSummary.editions)
      expect(paths).toContain(`/editions/${edition.edition}`)
    for (const metric of goldenSummary.metrics) expect(paths).toContain(`/metrics/${metric.key}`)
    expect(paths).toContain(`/articles/${article.id}`)
    expect(new Set(paths).size).toBe(paths.length)
  })

  it('names the view module behind each page, for its style sheets', () => {
    expect(viewModuleOf('/')).toBe('src/routes/overview.tsx')
    expect(viewModuleOf('/districts/jingan')).toBe('src/routes/district.tsx')
    expect(viewModuleOf('/compare')).toBe('src/routes/compare.tsx')
    expect(viewModuleOf(`/articles/${article.id}`)).toBe('src/routes/article.tsx')
  })
})

describe('prerenderPage', () => {
  it('renders the overview with the summary’s figures and moves its title to the head', async () => {
    const page = await prerenderPage('/', readGoldenFile)
    // The overview opens on the latest edition that has figures.
    const latest = Math.max(...goldenSummary.aggregates.map((a) => a.edition))
    const year = goldenSummary.editions.find((e) => e.edition === latest)?.year
    expect(page.title).toMatch(/overview · CIIE District Dashboard$/)
    expect(page.html).not.toContain('<title>')
    expect(page.html).toContain('class="site-header"')
    const heading = /<h1>(.*?)<\/h1>/.exec(page.html)?.[1]?.replaceAll('<!-- -->', '')
    expect(heading).toMatch(new RegExp(`^Districts at the .*\\(${year}\\)$`))
    expect(page.anyQuery).toBe(false)
    const { articles, observations } = goldenSummary.corpus
    expect(page.dataStamp).toMatch(new RegExp(`^${articles} articles, ${observations} figures, `))
  })

  it('renders a district with what its own file says (the sources behind the figures)', async () => {
    const page = await prerenderPage(`/districts/${districtWithFigures}`, readGoldenFile)
    const articles = goldenDistrict(districtWithFigures).articles.length
    expect(page.html).toMatch(
      new RegExp(`read from (<!-- -->)?${articles}(<!-- -->)? press articles?`),
    )
  })

  it('leaves the query-dependent part of compare to the browser, so any query can take it over', async () => {
    const page = await prerenderPage('/compare', readGoldenFile)
    expect(page.anyQuery).toBe(true)
    expect(page.html).toContain('Loading the comparison')
    expect(page.html).not.toContain('Add a district')
  })

  it('writes article text as text, never as markup', async () => {
    const hostile = '<script>window.__xss=1</script><img src=x onerror=alert(1)>'
    const withHostileText = async (file: string) => {
      const text = await readGoldenFile(file)
      if (file !== `articles/${article.id}.json`) return text
      const detail = JSON.parse(text) as { text: string }
      return JSON.stringify({ ...detail, text: `${detail.text}\n\n${hostile}` })
    }
    const page = await prerenderPage(`/articles/${article.id}`, withHostileText)
    expect(page.html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;&lt;img src=x')
    expect(page.html).not.toMatch(/<script|<img/i)
    expect(page.anyQuery).toBe(false)
  })
})

describe('taking over a prerendered page', () => {
  let root: Root | undefined
  afterEach(() => {
    act(() => root?.unmount())
    root = undefined
    document.body.innerHTML = ''
  })

  /** Hydrates `markupPath`'s prerendered page at `appPath`; returns the recoverable errors. */
  async function takeOver(markupPath: string, appPath: string) {
    const page = await prerenderPage(markupPath, readGoldenFile)
    const container = document.createElement('div')
    container.innerHTML = page.html
    document.body.append(container)
    const heading = container.querySelector('h1')
    const header = container.querySelector('.site-header')
    expect(heading).not.toBeNull()

    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const router = createMemoryRouter(routes, { initialEntries: [appPath] })
    await Promise.all([whenInitialized(router), prefetchPageData(queryClient, appPath)])
    const mismatches: Array<unknown> = []
    await act(async () => {
      root = hydrateRoot(
        container,
        <AppProviders client={queryClient}>
          <RouterProvider router={router} />
        </AppProviders>,
        { onRecoverableError: (error) => mismatches.push(error) },
      )
    })
    // Charts on the page load their code after the takeover; let that finish inside act.
    await act(async () => {
      await Promise.all([
        import('../../src/charts/bar-chart'),
        import('../../src/charts/column-chart'),
      ])
    })
    return { mismatches, container, heading, header }
  }

  it.each([
    '/',
    `/districts/${districtWithFigures}`,
    '/compare',
    '/sources',
    `/metrics/${goldenSummary.metrics[0]?.key ?? ''}`,
    `/editions/${goldenSummary.editions[0]?.edition ?? ''}`,
    `/articles/${article.id}`,
    '/report',
    '/conflicts',
    '/analyze',
  ])('hydrates %s without a mismatch, keeping the prerendered nodes', async (path) => {
    const { mismatches, container, heading, header } = await takeOver(path, path)
    expect(mismatches).toEqual([])
    // The same element, not a copy: React took the markup over instead of replacing it.
    expect(container.querySelector('h1')).toBe(heading)
    expect(container.querySelector('.site-header')).toBe(header)
  })

  it('notices a page that differs from the markup (the check above can fail)', async () => {
    const other = goldenSummary.districts.find((d) => d.id !== districtWithFigures)?.id ?? ''
    vi.spyOn(console, 'error').mockImplementation(() => {}) // React reports the mismatch too
    const { mismatches } = await takeOver(
      `/districts/${districtWithFigures}`,
      `/districts/${other}`,
    )
    expect(mismatches.length).toBeGreaterThan(0)
  })
})
