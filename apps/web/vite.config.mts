// The web app: React + Vite. In development the API runs on :3000 and this dev server proxies to it; in production
// the API serves the built files from dist/web.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { aliases, workspaceRoot as root } from './aliases.mts';

const api = 'http://localhost:3000';

/**
 * Every page of the app first asks who is signed in (GET /api/auth/me) before it shows anything: the browser fetches
 * that while it still loads and compiles the app's code, instead of after (the app's own fetch then takes the answer
 * preloaded; same URL, mode and credentials).
 */
const preloadSession = (): Plugin => ({
  name: 'commonplan-preload-session',
  transformIndexHtml: () => [
    { tag: 'link', attrs: { rel: 'preload', href: '/api/auth/me', as: 'fetch', crossorigin: 'anonymous' }, injectTo: 'head-prepend' },
  ],
});

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), preloadSession()],
  resolve: { alias: aliases },
  build: {
    outDir: resolve(root, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 4200,
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
      '/collab': { target: api, ws: true },
    },
  },
});
