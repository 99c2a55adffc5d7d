import type { Browser } from "playwright-core";

/** Chrome DevTools' "Fast 3G" preset (as Puppeteer's PredefinedNetworkConditions has it). */
export const fast3g = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};
export const cpuSlowdown = 4;
export const phone = { width: 390, height: 844 };

export interface Throttling {
  network: boolean;
  cpu: boolean;
}

export interface PageLoad {
  /** Largest contentful paint, ms after the navigation started. */
  lcp: number;
  lcpSize: number;
  /** What the largest paint was, e.g. `h1.page-title "Ferienhaus am See"`. */
  lcpElement: string;
  fcp: number | null;
  /** When the page's own content (`ready`) first showed, ms after the navigation started. */
  ready: number;
  /** The load event's end, ms after the navigation started. */
  load: number;
  /** Bytes on the wire (headers and bodies) and the number of requests. */
  transferred: number;
  requests: number;
}

/**
 * Opens `url` cold (a new context, the HTTP cache disabled) on a phone-sized viewport,
 * optionally with 4× CPU slowdown and the fast-3G network, waits until the selector `ready`
 * shows and the network has been quiet for 500 ms, then reads the largest contentful paint.
 */
export async function loadPage(
  browser: Browser,
  url: string,
  ready: string,
  throttling: Throttling,
): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: phone, locale: "en-GB" });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(90_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    if (throttling.network) await cdp.send("Network.emulateNetworkConditions", fast3g);
    if (throttling.cpu) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    let transferred = 0;
    let requests = 0;
    cdp.on("Network.loadingFinished", (event) => {
      transferred += event.encodedDataLength;
      requests++;
    });

    await page.goto(url, { waitUntil: "commit" });
    const readyAt = await page.waitForFunction(
      (selector) => (document.querySelector(selector) ? performance.now() : false),
      ready,
      { polling: "raf" },
    );
    const readyMs = (await readyAt.jsonValue()) as number;
    await page.waitForLoadState("load");
    await page.waitForLoadState("networkidle");
    const paints = await page.evaluate(readPaints);
    if (errors.length > 0) throw new Error(`${url}: ${errors.join("; ")}`);
    if (!paints.lcp) throw new Error(`${url}: no largest-contentful-paint entry`);
    return {
      lcp: paints.lcp.startTime,
      lcpSize: paints.lcp.size,
      lcpElement: paints.lcp.element,
      fcp: paints.fcp,
      ready: readyMs,
      load: paints.load,
      transferred,
      requests,
    };
  } finally {
    await context.close();
  }
}

/** Runs in the page: the last largest-contentful-paint entry, first contentful paint, load. */
function readPaints(): Promise<{
  lcp: { startTime: number; size: number; element: string } | null;
  fcp: number | null;
  load: number;
}> {
  return new Promise((resolve) => {
    let last: LargestContentfulPaint | undefined;
    const finish = () => {
      observer.disconnect();
      const element = last?.element;
      const text = (element?.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const describe = element
        ? `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(" ").join(".")}` : ""}${text ? ` "${text}"` : ""}`
        : "(removed)";
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      const navigation = performance.getEntriesByType("navigation")[0] as
        | PerformanceNavigationTiming
        | undefined;
      resolve({
        lcp: last ? { startTime: last.startTime, size: last.size, element: describe } : null,
        fcp: fcp ? fcp.startTime : null,
        load: navigation?.loadEventEnd ?? 0,
      });
    };
    const observer = new PerformanceObserver((list) => {
      const entries = list.getEntries() as LargestContentfulPaint[];
      last = entries[entries.length - 1] ?? last;
    });
    observer.observe({ type: "largest-contentful-paint", buffered: true });
    // The buffered entries arrive in a task of their own; a frame or two is plenty.
    setTimeout(finish, 250);
  });
}
