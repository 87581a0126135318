// The bench measures what a user runs: React's production build, which must be chosen before React loads.
process.env.NODE_ENV ??= 'production';
await import('./run.js');
