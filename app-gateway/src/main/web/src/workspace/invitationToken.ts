/**
 * Takes the invitation token out of the URL fragment (/activate#<token>) and removes it from the
 * address bar and history. A fragment never leaves the browser, so the token reaches the server only
 * in the activation request's body, never in a URL, a log line or a Referer.
 */
export function takeInvitationToken(here: Location = window.location, history: History = window.history): string {
  const token = decodeURIComponent(here.hash.replace(/^#/, '')).trim();
  if (token) history.replaceState(history.state, '', `${here.pathname}${here.search}`);
  return token;
}
