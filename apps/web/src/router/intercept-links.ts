import { navigate } from "./history.ts";
import { shouldIntercept } from "./should-intercept.ts";

/**
 * Turns plain clicks on the app's own links into client-side navigation, once for the
 * whole document. Links stay real `<a href>`: they work in new tabs, without JavaScript
 * and for screen readers, and components need no special link component.
 */
export function interceptLinks(root: Document = document): () => void {
  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!(target instanceof HTMLAnchorElement)) return;
    const link = {
      href: target.href,
      target: target.target,
      hasDownload: target.hasAttribute("download"),
    };
    if (!shouldIntercept(event, link, window.location.origin)) return;
    const url = new URL(target.href);
    // An in-page anchor (the skip link) keeps the browser's scrolling and focus.
    if (url.hash && url.pathname === window.location.pathname) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  };
  root.addEventListener("click", onClick);
  return () => root.removeEventListener("click", onClick);
}
