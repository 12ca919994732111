import JSONbig from 'json-bigint';

// json-bigint rather than JSON: a long integer or a long decimal in UserData (an order id, a frame
// count) keeps every digit, where JSON.parse would round it to the nearest double. Keys named
// `constructor` or `__proto__` are kept as plain keys: json-bigint builds objects without a prototype.
const exact = JSONbig({ constructorAction: 'preserve', protoAction: 'preserve' });

/** UserData and similar free text: indented when it is a JSON object or array, as it is otherwise. */
export function prettyIfJson(text: string): { text: string; isJson: boolean } {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { text, isJson: false };
  try {
    // JSON.parse first: json-bigint alone takes text that is not JSON ("[01]", a raw tab in a string).
    JSON.parse(trimmed);
    return { text: exact.stringify(exact.parse(trimmed), null, 2), isJson: true };
  } catch {
    return { text, isJson: false };
  }
}
