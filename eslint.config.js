import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The import boundaries of docs/ARCHITECTURE.md, checked on every relative import:
 * core imports nothing of ours (and no Node built-ins); server and web import core and never each other;
 * a web feature imports the web's lib and components but never another feature (web/app composes them).
 */
function layerOf(file) {
  const relative = path.relative(process.cwd(), file).split(path.sep);
  if (relative[0] !== 'src') return { layer: relative[0] };
  if (relative[1] === 'web' && relative[2] === 'features')
    return { layer: 'web-feature', feature: relative[3] };
  if (relative[1] === 'web') return { layer: `web-${relative[2]}` };
  return { layer: relative[1] };
}

const allowed = {
  core: ['core'],
  server: ['core', 'server'],
  'web-app': ['core', 'web-app', 'web-lib', 'web-components', 'web-feature', 'web-main.tsx'],
  'web-lib': ['core', 'web-lib', 'web-test'],
  'web-components': ['core', 'web-lib', 'web-components', 'web-test'],
  'web-feature': ['core', 'web-lib', 'web-components', 'web-feature', 'web-test'],
  'web-test': ['core', 'web-lib', 'web-components', 'web-test'],
};

const boundaries = {
  rules: {
    imports: {
      meta: {
        type: 'problem',
        schema: [],
        messages: { crossing: '{{from}} may not import {{to}} (see ARCHITECTURE.md)' },
      },
      create(context) {
        const from = layerOf(context.filename);
        const rules = allowed[from.layer];
        function check(node, source) {
          if (typeof source !== 'string') return;
          if (
            from.layer === 'core' &&
            (source.startsWith('node:') || ['fs', 'path', 'crypto'].includes(source))
          ) {
            context.report({ node, messageId: 'crossing', data: { from: 'src/core', to: source } });
            return;
          }
          if (!rules || !source.startsWith('.')) return;
          const to = layerOf(path.resolve(path.dirname(context.filename), source));
          // Test helpers (src/web/test) are for tests only.
          if (
            to.layer === 'web-test' &&
            from.layer !== 'web-test' &&
            !/\.test\.tsx?$/.test(context.filename)
          ) {
            context.report({
              node,
              messageId: 'crossing',
              data: { from: from.layer, to: 'web-test (tests only)' },
            });
            return;
          }
          const sameFeature =
            to.layer === 'web-feature' && from.layer === 'web-feature' && to.feature === from.feature;
          const ok =
            to.layer === 'web-feature' && from.layer === 'web-feature'
              ? sameFeature
              : rules.includes(to.layer);
          if (!ok) {
            const describe = (l) => (l.feature ? `web feature "${l.feature}"` : l.layer);
            context.report({ node, messageId: 'crossing', data: { from: describe(from), to: describe(to) } });
          }
        }
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['dist', 'data', 'node_modules', 'scratch', '.endcap-test', 'src/server/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { boundaries },
    rules: {
      'boundaries/imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
