import { defineConfig } from 'vite';

// JSX through esbuild's automatic runtime: no plugin needed.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', assetsDir: 'assets', sourcemap: false },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{js,jsx}'],
  },
});
