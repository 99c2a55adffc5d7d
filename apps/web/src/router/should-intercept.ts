/** What a click on a link looked like; a subset of MouseEvent, so that it is testable. */
export interface LinkClick {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/**
 * Whether the app should handle a link click itself instead of letting the browser load
 * the page. Modified clicks (new tab, new window, download) and links to other origins,
 * to the API or with a target keep the browser's behaviour.
 */
export function shouldIntercept(
  click: LinkClick,
  link: { href: string; target: string; hasDownload: boolean },
  origin: string,
): boolean {
  if (click.defaultPrevented || click.button !== 0) return false;
  if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return false;
  if (link.hasDownload || (link.target !== "" && link.target !== "_self")) return false;
  if (!URL.canParse(link.href)) return false;
  const url = new URL(link.href);
  if (url.origin !== origin) return false;
  return !serverPaths.some(
    (prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`),
  );
}

// Served by the api, not by the app: following them must load them for real.
const serverPaths = ["/api", "/trpc", "/docs", "/health", "/ready", "/metrics"];
