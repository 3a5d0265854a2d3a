import { describe, expect, it } from 'vitest'
import { BUNDLED_ARTICLES, FIXTURE_ARTICLES, apiFilesOf } from './corpus'

// Golden files: a change in what the pipeline extracts shows up as a reviewed diff. The fixture
// corpus's API files are also what msw serves to the UI tests (one fixture, two uses).
describe('golden API files', () => {
  it.each([
    ['fixture articles', FIXTURE_ARTICLES, '../fixtures/golden/api'],
    ['bundled articles', BUNDLED_ARTICLES, '../fixtures/golden/bundled'],
  ])('match the reviewed output for the %s', async (_name, folder, goldenDir) => {
    for (const file of apiFilesOf(folder)) {
      await expect(file.contents).toMatchFileSnapshot(`${goldenDir}/${file.path}`)
    }
  })
})
