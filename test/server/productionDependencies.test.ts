import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.(ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The packages a compiled file loads when it runs: every static import, re-export, side-effect
 * import and dynamic import() of a bare specifier, except `import type` / `export type`, which
 * TypeScript erases. Comments are stripped first so a code sample in a comment is not counted.
 */
function runtimePackages(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specifiers = [
    ...[...code.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]),
    ...[...code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]),
    ...[...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]),
  ];
  return specifiers
    .filter((specifier): specifier is string => specifier !== undefined && !specifier.startsWith('.') && !specifier.startsWith('node:') && !builtinModules.includes(specifier))
    .map((specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier)));
}

describe('Production dependencies: `npm ci --omit=dev` then `node dist/main.js` works', () => {
  it('finds runtime imports and ignores type-only ones', () => {
    const sample = [
      "import { a } from 'alpha';",
      "import type { B } from 'beta';",
      "export type { C } from 'gamma';",
      "import d, { type E } from '@scope/delta/sub';",
      "export { f } from 'epsilon/path';",
      "import 'zeta';",
      "// import { g } from 'eta';",
      "const h = await import('theta');",
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
    ].join('\n');
    expect(runtimePackages(sample).sort()).toEqual(['@scope/delta', 'alpha', 'epsilon', 'theta', 'zeta']);
  });

  it('lists every package that src/ loads at runtime under dependencies', () => {
    const missing = sourceFiles(join(ROOT, 'src')).flatMap((file) =>
      runtimePackages(readFileSync(file, 'utf8'))
        .filter((name) => manifest.dependencies[name] === undefined)
        .map((name) => `${relative(ROOT, file)} imports ${name}${manifest.devDependencies[name] === undefined ? '' : ' (a devDependency)'}`),
    );
    expect(missing).toEqual([]);
  });
});
