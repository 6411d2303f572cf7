// Plain JavaScript: Node loads this file as it is when Vite reads an SPA's vite.config.ts (Vite bundles
// the config itself but leaves packages, like this one, to Node, which cannot load TypeScript).
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const base = fileURLToPath(new URL('.', import.meta.url));

/**
 * The build every SPA of the platform shares: Vite into the jar's public/ directory (no source maps),
 * the dev server proxying /api to a running service (Host kept, so tenant hosts resolve), and Vitest in
 * jsdom with Testing Library. An SPA's test run includes web-base's own tests, so each build proves the
 * shared code it ships.
 *
 * @param {object} options
 * @param {string} options.root the SPA's directory (where its vite.config.ts is)
 * @param {string} options.outDir where the build goes: the module's target/classes/public, which its jar serves
 * @param {Record<string, string>} [options.pages] HTML entry points by name, relative to root; an SPA with one
 *   index.html leaves it out
 * @param {string} options.devApi where `npm run dev` sends /api: a running service
 * @param {number} options.devPort
 * @param {import('vite').Plugin[]} [options.plugins]
 */
export function spaConfig(options) {
  const input = options.pages
    ? Object.fromEntries(Object.entries(options.pages).map(([name, file]) => [name, `${options.root}/${file}`]))
    : undefined;
  return defineConfig({
    root: options.root,
    appType: options.pages ? 'mpa' : 'spa',
    plugins: options.plugins,
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      sourcemap: false,
      rolldownOptions: {
        input,
        // code shared by several pages (React, the router, web-base) is named for what it is
        output: { chunkFileNames: 'assets/shared-[hash].js' },
        // react-router marks its modules "use client" for server components; meaningless in an SPA bundle
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
    server: {
      port: options.devPort,
      proxy: { '/api': { target: options.devApi } },
    },
    test: {
      environment: 'jsdom',
      globals: true,
      testTimeout: 20_000,
      setupFiles: [`${base}src/test/setup.ts`],
      include: ['src/**/*.test.{ts,tsx}', `${relative(options.root, base)}/src/**/*.test.ts`],
    },
  });
}
