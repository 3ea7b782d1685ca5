// Notices a new version of the screens: the page's hashed asset names (Vite puts a content hash in
// each) change with every build, so the page as served now is compared with the page as loaded.
// Checked after each reconnection (an update restarts the server) and every few minutes.

/** The hashed assets a page loads, sorted: `/assets/display-3f2a….js`, its CSS and preloads. */
export function assetNames(html: string): string[] {
  return [...new Set(html.match(/\/assets\/[\w.-]+\.(?:js|css)/g) ?? [])].sort();
}

/** True when the server now serves the page with other assets than this one loaded. */
export async function newVersionServed(loaded: readonly string[], url: string = location.pathname + location.search): Promise<boolean> {
  if (loaded.length === 0) return false; // not a build (Vite's dev server): nothing to compare
  try {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) return false;
    const served = assetNames(await response.text());
    return served.length > 0 && served.join() !== loaded.join();
  } catch {
    return false;
  }
}

/** The assets the page in this window loaded. */
export function loadedAssets(doc: Document = document): string[] {
  return assetNames(doc.documentElement.outerHTML);
}
