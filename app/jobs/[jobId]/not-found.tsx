import Link from 'next/link';

export default function JobNotFound() {
  return (
    <section className="panel">
      <h1>No such job</h1>
      <p>ICE has no media-info job with this JobId in this account and region. Check the link, or find the job in the list.</p>
      <p>
        <Link href="/jobs">← All jobs</Link>
      </p>
    </section>
  );
}
