// How many jobs the compare page puts side by side, and its parameter: shared by the list's selection
// bar (in the browser) and the page.
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;
/** The compare page's parameter: the JobIds, as the list's selection or a paste writes them. */
export const COMPARE_PARAM = 'JobIds';
