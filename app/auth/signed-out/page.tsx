import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Signed out' };

export default function SignedOut() {
  return (
    <section className="panel">
      <h1>You are signed out</h1>
      <p>
        <a href="/auth/login">Sign in again</a>
      </p>
    </section>
  );
}
