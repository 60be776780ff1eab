import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const ROUTE_TABLE = fileURLToPath(new URL('./src/generated/routes.json', import.meta.url));

// The home rows come from the service's own route table, never from a copy. The file is
// written by `cineverse-api routes --json` before a build or a test run; without it the
// client would have no rows, so stop with a message that says how to get it.
function requireRouteTable() {
  return {
    name: 'cineverse-route-table',
    config() {
      let table;
      try {
        table = JSON.parse(readFileSync(ROUTE_TABLE, 'utf8'));
      } catch (error) {
        const why = error.code === 'ENOENT' ? 'is missing' : `cannot be read (${error.message})`;
        throw new Error(
          `web/src/generated/routes.json ${why}. It is the route table of the API: write it with ` +
            '`cineverse-api routes --json > web/src/generated/routes.json` (the build scripts do) ' +
            'before `npm run build`, `npm test` or `vite`.',
        );
      }
      if (!Array.isArray(table?.routes) || !table.routes.some((route) => route.home_row)) {
        throw new Error('web/src/generated/routes.json has no "routes" with a "home_row": is it the output of `cineverse-api routes --json`?');
      }
    },
  };
}

// JSX through esbuild's automatic runtime: no React plugin needed.
export default defineConfig({
  plugins: [requireRouteTable()],
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    rollupOptions: {
      // react-router marks its modules "use client" for servers that render React; a
      // browser bundle has no use for the directive, and Rollup warns as it drops it.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return;
        warn(warning);
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{js,jsx}'],
    setupFiles: ['src/test/setup.js'],
  },
});
