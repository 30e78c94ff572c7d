import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import type { QueueClient } from '../queue/client.js';

export const BOARD_PATH = '/admin/queues';

/** Bull Board's own page loads its own scripts and styles, and sets inline styles: a CSP of its own. */
export const BOARD_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export async function registerBoard(app: FastifyInstance, client: QueueClient): Promise<void> {
  const adapter = new FastifyAdapter();
  adapter.setBasePath(BOARD_PATH);
  createBullBoard({ queues: [client.articles, client.batches, client.schedules].map((q) => new BullMQAdapter(q)), serverAdapter: adapter });
  await app.register(adapter.registerPlugin(), { prefix: BOARD_PATH });
}
