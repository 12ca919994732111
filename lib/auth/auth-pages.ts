import 'server-only';
import { htmlPage } from '@/lib/http/html-page';

// The sign-in routes' failures: what went wrong, and the way back in.
export function authErrorPage(status: number, title: string, message: string): Response {
  return htmlPage(status, title, message, [
    { href: '/auth/login', text: 'Sign in again' },
    { href: '/jobs', text: 'Job list' },
  ]);
}
