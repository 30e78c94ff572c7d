import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loginPage } from './pages.js';

export const SESSION_COOKIE = 'claimtrace_session';
const SESSION_SECONDS = 12 * 3600;

/** The cookie holds a MAC of the token, never the token itself. */
const sessionOf = (token: string) => createHmac('sha256', token).update('claimtrace review session').digest('base64url');

function same(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

export function isSignedIn(req: FastifyRequest, token: string): boolean {
  const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) return same(bearer, token);
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie !== undefined && same(cookie, sessionOf(token));
}

/**
 * The route a request matched, as declared: the raw URL may spell the same path otherwise ("/%61dmin/queues"),
 * and a check on the raw URL would let that past.
 */
export const routeOf = (req: FastifyRequest) => req.routeOptions.url ?? req.url;

/** Reads are open; every write and everything under /admin needs the token, as a bearer token or session cookie. */
const needsToken = (req: FastifyRequest) => (req.method !== 'GET' && req.method !== 'HEAD') || routeOf(req).startsWith('/admin');

const Login = z.object({ token: z.string().min(1).max(1000), next: z.string().optional() });
/**
 * Only our own paths: a login link must not bounce the reviewer to another site. Printable ASCII only, since
 * browsers drop tabs and line breaks from a URL ("/\t/evil.example" would become "//evil.example").
 */
const localPath = (next: string | undefined) => (next && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : '/');

export function registerAuth(app: FastifyInstance, token: string): void {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!needsToken(req) || (req.method === 'POST' && routeOf(req) === '/login') || isSignedIn(req, token)) return;
    if (req.method === 'GET' && req.headers.accept?.includes('text/html')) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'sign in first: send the token as a bearer token, or log in at /login' });
  });

  app.get<{ Querystring: { next?: string } }>('/login', async (req, reply) => reply.type('text/html').send(loginPage(localPath(req.query.next))));

  app.post('/login', async (req, reply) => {
    const form = Login.safeParse(req.body);
    if (!form.success || !same(form.data.token, token)) return reply.code(401).type('text/html').send(loginPage(localPath(form.data?.next), 'That token is not right.'));
    reply.setCookie(SESSION_COOKIE, sessionOf(token), { httpOnly: true, sameSite: 'strict', path: '/', maxAge: SESSION_SECONDS, secure: req.protocol === 'https' });
    return reply.redirect(localPath(form.data.next), 303);
  });

  app.post('/logout', async (_req, reply) => reply.clearCookie(SESSION_COOKIE, { path: '/' }).redirect('/', 303));
}
