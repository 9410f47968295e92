// The web app: React + Vite. In development the API runs on :3000 and this dev server proxies to it; in production
// the API serves the built files from dist/web.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { aliases, workspaceRoot as root } from './aliases.mts';

const api = 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
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
