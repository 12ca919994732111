'use client';

import { useState } from 'react';

/**
 * Text such as a job's UserData, folded to its first `lines` lines with a button that shows the rest:
 * a kilobyte of JSON would otherwise fill the page. The words come from the server, which knows the
 * reader's language and counts the lines, so this part needs no messages of its own in the browser.
 */
export function CollapsibleText({ text, label, lines, showAll, showLess }: { text: string; label: string; lines: number; showAll: string; showLess: string }) {
  const [open, setOpen] = useState(false);
  const folded = !open && text.split('\n').length > lines;
  return (
    <>
      <pre className={`text${folded ? ' folded' : ''}`} tabIndex={0} aria-label={label} style={folded ? { maxHeight: `${lines * 1.45}em` } : undefined}>
        {text}
      </pre>
      {text.split('\n').length > lines && (
        <button type="button" className="small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? showLess : showAll}
        </button>
      )}
    </>
  );
}
