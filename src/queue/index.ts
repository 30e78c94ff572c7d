/** The queue side, as its own entry point (`claimtrace/queue`), so that `analyze()` alone loads no queue code. */
export { QueueClient, PayloadError } from './client.js';
export { configFromEnv, type QueueConfig } from './config.js';
export { ArticleJobSchema, type ArticleJob } from './jobs.js';
export { startWorkers } from './worker.js';
