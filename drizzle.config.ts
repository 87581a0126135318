import {defineConfig} from 'drizzle-kit';

export default defineConfig({
	dialect: 'sqlite',
	schema: './source/store/schema.ts',
	out: './drizzle',
});
