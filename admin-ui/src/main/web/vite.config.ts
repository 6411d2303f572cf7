import { fileURLToPath } from 'node:url';
import { spaConfig } from '@gateway/web-base/vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// `npm run dev` proxies /api to a running admin-ui (which proxies on to the registry and provisioner),
// so the dev server behaves like the packaged app. Override with ADMIN_API_URL.
export default spaConfig({
  root,
  outDir: `${root}../../../target/classes/public`,
  devApi: process.env.ADMIN_API_URL ?? 'http://127.0.0.1:8001',
  devPort: 5173,
});
