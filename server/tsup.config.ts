import { defineConfig } from 'tsup';

// ESM with declarations. Dependencies stay external (hosts install them); the SQL migrations ship
// beside dist/ in drizzle/, where openDatabase() finds them.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  tsconfig: 'tsconfig.build.json',
  platform: 'node',
  target: 'node20',
  clean: true,
  sourcemap: false,
  splitting: true,
});
