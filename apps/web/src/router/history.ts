/**
 * The app's location, kept in the History API. React reads it through
 * `useSyncExternalStore`, so every component sees the same path during a render.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function currentLocation(): string {
  return window.location.pathname + window.location.search;
}

export function subscribeToLocation(listener: Listener): () => void {
  listeners.add(listener);
  // Back and forward buttons change the location without our `navigate`.
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentLocation()) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  // A new page starts at the top, as a real page load would.
  window.scrollTo(0, 0);
  for (const listener of listeners) listener();
}
