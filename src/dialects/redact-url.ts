/**
 * Passwords never appear in output. This file imports nothing, so every
 * dialect can use it without loading the registry (and every other dialect).
 */

/** Where the password sits in `scheme://user:password@host/...`, if there is one. */
function passwordSpan(url: string): [number, number] | undefined {
  const start = url.indexOf("//") + 2;
  if (start < 2) return undefined;
  const end = url.slice(start).search(/[/?#]|$/) + start;
  // The last "@" before the path: a password may itself contain "@".
  const at = url.lastIndexOf("@", end);
  const colon = url.indexOf(":", start);
  if (at < start || colon < 0 || colon > at) return undefined;
  return [colon + 1, at];
}

/** The URL with its password replaced by `***`, safe to print. */
export function redactUrl(url: string): string {
  const span = passwordSpan(url);
  return span ? `${url.slice(0, span[0])}***${url.slice(span[1])}` : url;
}

/** Removes a URL's password (raw or percent-decoded) and the URL itself from a driver's message. */
export function scrubPassword(message: string, url: string): string {
  let text = message.replaceAll(url, redactUrl(url));
  const span = passwordSpan(url);
  if (!span || span[0] === span[1]) return text;
  const raw = url.slice(span[0], span[1]);
  text = text.replaceAll(raw, "***");
  try {
    text = text.replaceAll(decodeURIComponent(raw), "***");
  } catch {
    // A malformed escape: the raw form is already gone.
  }
  return text;
}
