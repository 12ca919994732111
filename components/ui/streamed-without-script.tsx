/**
 * React streams what a Suspense boundary waited for into a hidden block at the end of the body (its id
 * starts "S:") and swaps it in for the boundary's stand-in with a script. Without JavaScript that never
 * happens, and the page would show its stand-in for ever: this style, rendered in a stand-in (marked
 * .stand-in), hides the stand-ins and shows the streamed blocks where they arrived, with main's spacing.
 * A browser that runs scripts ignores it.
 */
const CSS = `.stand-in{display:none}body>div[hidden][id^='S:']:not(:empty){display:block;max-width:1600px;margin:0 auto;padding:0 1rem}`;

export function StreamedWithoutScript() {
  return (
    <noscript>
      <style>{CSS}</style>
    </noscript>
  );
}
