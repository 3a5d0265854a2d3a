import js from '@eslint/js'
import globals from 'globals'
import lingui from 'eslint-plugin-lingui'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/**
 * Components not yet moved to the message catalogs (issue "中文 / English"): the rule below
 * skips them until they are. Empty once every text is translated.
 */
const I18N_PENDING = [
  'src/app/app-error-boundary.tsx',
  'src/app/error-message.tsx',
  'src/app/live-data.tsx',
  'src/app/page-loading.tsx',
  'src/app/page-shell.tsx',
  'src/app/route-error.tsx',
  'src/charts/deferred-chart.tsx',
  'src/charts/grouped-column-chart.tsx',
  'src/charts/legend.tsx',
  'src/export/export-menu.tsx',
  'src/routes/analyze-dialog.tsx',
  'src/routes/analyze.tsx',
  'src/routes/article-highlight.tsx',
  'src/routes/article.tsx',
  'src/routes/compare-panels.tsx',
  'src/routes/compare-picker.tsx',
  'src/routes/compare.tsx',
  'src/routes/conflicts.tsx',
  'src/routes/district-bars.tsx',
  'src/routes/district-editions.tsx',
  'src/routes/district-sections.tsx',
  'src/routes/district.tsx',
  'src/routes/edition.tsx',
  'src/routes/evidence-panel.tsx',
  'src/routes/metric.tsx',
  'src/routes/not-found.tsx',
  'src/routes/overview.tsx',
  'src/routes/report.tsx',
  'src/routes/sources.tsx',
  'src/routes/with-summary.tsx',
]

export default tseslint.config(
  { ignores: ['dist', 'public', 'node_modules', 'test-results', 'bench-results'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The pipeline must run unchanged in the browser: only cli.ts may touch Node.
    files: ['src/pipeline/**/*.ts'],
    ignores: ['src/pipeline/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fs',
            'path',
            'react',
            'react-dom',
            '../api/*',
            '../queries/*',
            '../routes/*',
          ],
        },
      ],
    },
  },
  {
    // Every text a reader sees comes from the message catalogs (src/locales): a string literal
    // in a component is flagged. What is not prose passes: class names, ids, URLs, keys, CSS,
    // and anything without a letter. A deliberate exception says why in its disable comment.
    files: [
      'src/app/**/*.tsx',
      'src/routes/**/*.tsx',
      'src/charts/**/*.tsx',
      'src/export/**/*.tsx',
    ],
    ignores: I18N_PENDING,
    plugins: { lingui },
    rules: {
      'lingui/no-unlocalized-strings': [
        'error',
        {
          ignore: [
            // No letters, or one lower-case "word": an id, a key, a class, a path or a CSS value.
            '^[^\\p{L}]*$',
            '^[a-z0-9][\\w./:#?&=%@+-]*$',
          ],
          ignoreFunctions: [
            't',
            'console.*',
            'Error',
            'TypeError',
            '*.get',
            '*.set',
            '*.has',
            '*.delete',
            '*.getAttribute',
            '*.setAttribute',
            '*.querySelector',
            '*.querySelectorAll',
            'matchMedia',
          ],
          ignoreNames: [
            {
              regex: {
                pattern:
                  '^(className|class|id|key|type|role|href|to|lang|name|htmlFor|d|fill|stroke|viewBox|transform|textAnchor|dominantBaseline|fontFamily|fontWeight|data-.*|aria-(hidden|controls|describedby|labelledby|current|haspopup|live|orientation))$',
              },
            },
            { regex: { pattern: '^[A-Z0-9_]+$' } },
          ],
        },
      ],
    },
  },
  {
    files: ['src/routes/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../api/*'] }] },
  },
)
