import Link from 'next/link';
import type { PagerLinks } from '@/lib/jobs/list-query';

export function JobsPager({ links }: { links: PagerLinks }) {
  return (
    <nav className="pager" aria-label="Pages">
      {links.previous ? (
        <Link className="button" href={links.previous} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="button" aria-disabled="true">
          ← Previous
        </span>
      )}
      <span aria-current="page">Page {links.page}</span>
      {links.next ? (
        <Link className="button" href={links.next} rel="next">
          Next →
        </Link>
      ) : (
        <span className="button" aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
