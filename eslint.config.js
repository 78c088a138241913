import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', '.mash/**', 'bin/**', 'jobs/*.bootstrap.mjs', 'pipeline/**/*.bootstrap.mjs', 'jest.config.js', 'eslint.config.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['connectors/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/pipeline/**', '**/jobs/**', '**/cli/**', '**/web/**', 'pg', 'kysely', 'bullmq', 'ioredis'] },
      ],
    },
  },
  {
    // schemas/ holds types and migrations (which use kysely's sql), never the stages.
    files: ['schemas/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/pipeline/**', '**/jobs/**', '**/cli/**', '**/web/**', 'pg', 'bullmq', 'ioredis'] }],
    },
  },
  {
    files: ['pipeline/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/jobs/**', '**/cli/**', '**/web/**'] }] },
  },
);
