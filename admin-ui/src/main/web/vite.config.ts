import { defineConfig } from 'vitest/config';

// The dev server proxies the admin API to a running admin-ui (which proxies on to the registry and
// provisioner), so `npm run dev` behaves like the packaged app. Override with ADMIN_API_URL.
const api = process.env.ADMIN_API_URL ?? 'http://127.0.0.1:8001';

export default defineConfig({
  build: {
    outDir: '../../../target/classes/public',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      // react-router marks its modules "use client" for server components; meaningless in this SPA bundle
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: api, changeOrigin: true } },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
