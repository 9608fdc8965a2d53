import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    port: 5010,
    strictPort: true,
    proxy: {
      '/api': 'http://localhost:3030',
    },
  },
});
