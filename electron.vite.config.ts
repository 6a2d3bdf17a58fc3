import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // Runs on writer threads: stages and commits synced periods (see writer-thread.ts).
          'writer-thread.worker': resolve('src/main/sync/writers/writer-thread.worker.ts'),
          // Runs backups' copies and integrity checks off the main thread (see cache/worker/archive-thread.ts).
          'archive.worker': resolve('src/main/cache/worker/archive.worker.ts'),
          // Imports off the main thread: one thread reads a file, the other writes it (see import/parse-thread.ts).
          'import.worker': resolve('src/main/features/import/import.worker.ts'),
          'parse.worker': resolve('src/main/import/parse.worker.ts'),
          // Writes Excel exports off the main thread (see export/export-thread.ts).
          'export.worker': resolve('src/main/export/export.worker.ts'),
        },
        // Shared chunks beside the entries, not in chunks/: a module that starts
        // a worker finds its bundled file beside itself (worker-script.ts).
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads must be one CommonJS file with no runtime requires
      // besides 'electron': bundle the shared contract (and zod) into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
