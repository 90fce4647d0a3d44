// The viewer's time zone (IANA id), so "today" on the dashboard is their day, not the server's.
export function timeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}
