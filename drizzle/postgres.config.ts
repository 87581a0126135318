import {defineConfig} from 'drizzle-kit';

// The PostgreSQL store's migrations, beside SQLite's (drizzle.config.ts at the root): npm run db:generate does both.
export default defineConfig({
	dialect: 'postgresql',
	schema: './source/store/postgres-schema.ts',
	out: './drizzle/postgres',
});
