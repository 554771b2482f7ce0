import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w react-2fa-phone-server` writes a new SQL migration into drizzle/ after a
// schema change; the migrations are committed and run by openDatabase() on start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
