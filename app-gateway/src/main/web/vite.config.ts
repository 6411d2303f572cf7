import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { spaConfig } from '@gateway/web-base/vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The dev server answers page requests as the app-gateway does: the workspace on a tenant host
 * (acme.localhost:5174), the landing site on the base domain (localhost:5174).
 */
function pageByHost(): Plugin {
  return {
    name: 'page-by-host',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '/').split('?')[0];
        const page = !path.startsWith('/@') && !path.startsWith('/src/') && !path.startsWith('/node_modules/') && !/\.[a-z0-9]+$/i.test(path);
        if (page && req.method === 'GET') {
          const host = (req.headers.host ?? '').split(':')[0];
          req.url = /^[a-z][a-z0-9-]*\./.test(host) && !host.startsWith('www.') ? '/workspace.html' : '/landing.html';
        }
        next();
      });
    },
  };
}

// `npm run dev` proxies /api to a running app-gateway (override with APP_API_URL) with the browser's Host,
// so http://acme.localhost:5174 talks to tenant acme.
export default spaConfig({
  root,
  outDir: `${root}../../../target/classes/public`,
  pages: { landing: 'landing.html', workspace: 'workspace.html' },
  devApi: process.env.APP_API_URL ?? 'http://127.0.0.1:8000',
  devPort: 5174,
  plugins: [pageByHost()],
});
