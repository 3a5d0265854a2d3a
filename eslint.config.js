import js from '@eslint/js'
import globals from 'globals'
import lingui from 'eslint-plugin-lingui'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

// One validation library: valibot (see the README's Decisions). zod is still installed as a
// dependency of a dev tool, so an import of it would resolve; this stops one slipping in.
const ONE_VALIDATOR = ['zod', 'zod/*']

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
      'no-restricted-imports': ['error', { patterns: ONE_VALIDATOR }],
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
            ...ONE_VALIDATOR,
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
    plugins: { lingui },
    rules: {
      'lingui/no-unlocalized-strings': [
        'error',
        {
          ignore: [
            // No letters, or one lower-case "word": an id, a key, a class, a path or a CSS value.
            '^[^A-Za-z\\u00C0-\\u024F\\u3400-\\u9FFF]*$',
            // A CSS colour.
            '^#[0-9a-fA-F]{3,8}$',
            '^["\\[.a-z0-9_-][\\w./:#?&=%@+"\\[\\]-]*$',
          ],
          ignoreFunctions: [
            't',
            'console.*',
            'Error',
            'TypeError',
            'RegExp',
            'NotPrerenderable',
            'Response',
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
    rules: { 'no-restricted-imports': ['error', { patterns: ['../api/*', ...ONE_VALIDATOR] }] },
  },
)
