import BigNumber from 'bignumber.js';
import JSONbig from 'json-bigint';

// json-bigint rather than JSON: a long integer or a long decimal in UserData (an order id, a frame
// count) keeps every digit, where JSON.parse would round it to the nearest double. Keys named
// `constructor` or `__proto__` are kept as plain keys: json-bigint builds objects without a prototype.
const exact = JSONbig({ constructorAction: 'preserve', protoAction: 'preserve' });
// json-bigint writes its numbers with bignumber.js, which turns one of more than 21 digits into
// exponent form (12345678901234567890123 became 1.2345678901234567890123e+22): never, here.
BigNumber.config({ EXPONENTIAL_AT: 1e9 });

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

/** UserData as sent to ICE: JSON compacted (every digit kept), any other text as typed. */
export function compactIfJson(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return text;
  try {
    JSON.parse(trimmed);
    return exact.stringify(exact.parse(trimmed));
  } catch {
    return text;
  }
}

/** Text that should hold JSON (a record of the store, a person's UserData), parsed, or undefined. */
export function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
