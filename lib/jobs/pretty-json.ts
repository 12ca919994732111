/** UserData and similar free text: indented when it is a JSON object or array, as it is otherwise. */
export function prettyIfJson(text: string): { text: string; isJson: boolean } {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { text, isJson: false };
  try {
    return { text: JSON.stringify(JSON.parse(trimmed), null, 2), isJson: true };
  } catch {
    return { text, isJson: false };
  }
}
