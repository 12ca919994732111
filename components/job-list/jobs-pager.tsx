import Link from 'next/link';
import type { PagerLinks } from '@/lib/jobs/list-query';

export function JobsPager({ links, nextLabel = 'Next →' }: { links: PagerLinks; nextLabel?: string }) {
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
          {nextLabel}
        </Link>
      ) : (
        <span className="button" aria-disabled="true">
          {nextLabel}
        </span>
      )}
    </nav>
  );
}
