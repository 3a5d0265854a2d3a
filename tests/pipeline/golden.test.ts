import { describe, expect, it } from 'vitest'
import { BUNDLED_ARTICLES, FIXTURE_ARTICLES, apiFilesOf } from './corpus'

// Golden files: a change in what the pipeline extracts shows up as a reviewed diff. The fixture
// corpus's API files are also what msw serves to the UI tests (one fixture, two uses).

/**
 * The pipeline writes compact JSON; the golden files are indented so that a change reads as a
 * diff of lines. The summary, small and all on one line as the app gets it, is kept as written.
 */
const asGolden = (path: string, contents: string) =>
  path === 'summary.json' ? contents : `${JSON.stringify(JSON.parse(contents), null, 1)}\n`
describe('golden API files', () => {
  it.each([
    ['fixture articles', FIXTURE_ARTICLES, '../fixtures/golden/api'],
    ['bundled articles', BUNDLED_ARTICLES, '../fixtures/golden/bundled'],
  ])('match the reviewed output for the %s', async (_name, folder, goldenDir) => {
    for (const file of apiFilesOf(folder)) {
      await expect(asGolden(file.path, file.contents)).toMatchFileSnapshot(
        `${goldenDir}/${file.path}`,
      )
    }
  })
})
