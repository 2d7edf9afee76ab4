/**
 * `sw.js`, the service worker of an exported site (`pagelet export`): it keeps
 * every file of the site in Cache Storage, so that a second visit works with
 * the server gone.
 *
 * The export writes `precache.json` next to it: the site's files and a version
 * (a hash of their contents). The page registers `sw.js?v=<version>`; a new
 * export has a new version, so the browser installs the new worker, which
 * fills a cache of its own and, once active, deletes the caches of earlier
 * versions of the same site. Other caches of the origin (Pagelet's snapshots,
 * frozen requirements, other sites) are left alone.
 *
 * Precached files are answered from the cache first: they are the export's,
 * and change only with a new version. Anything else goes to the network.
 */

const scope = self as unknown as ServiceWorkerGlobalScope;

const MANIFEST_FILE = "precache.json";
/** Cache names are `<prefix><site scope>|<version>`, so several exported sites on one origin keep theirs apart. */
const CACHE_PREFIX = "pagelet-site:";

interface PrecacheManifest {
  version: string;
  /** Paths relative to the site's root (the service worker's folder). */
  files: string[];
}

function isManifest(value: unknown): value is PrecacheManifest {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.version === "string" && Array.isArray(record.files) && record.files.every((file) => typeof file === "string");
}

function siteRoot(): string {
  return scope.registration.scope;
}

function cacheName(version: string): string {
  return `${CACHE_PREFIX}${siteRoot()}|${version}`;
}

/** The version this worker was registered for, from its own URL. */
function ownVersion(): string {
  return new URL(scope.location.href).searchParams.get("v") ?? "";
}

async function precache(): Promise<void> {
  const response = await fetch(new URL(MANIFEST_FILE, siteRoot()), { cache: "no-store" });
  if (!response.ok) throw new Error(`${MANIFEST_FILE}: HTTP ${response.status}`);
  const manifest: unknown = await response.json();
  if (!isManifest(manifest)) throw new Error(`${MANIFEST_FILE} is not a precache manifest`);
  // A page of a newer export may register this worker while the old manifest is still served, or the reverse:
  // then this install fails and the one of the matching version wins.
  const version = ownVersion();
  if (version !== manifest.version) throw new Error(`${MANIFEST_FILE} is version ${manifest.version}; register sw.js?v=${manifest.version}`);
  const cache = await caches.open(cacheName(version));
  // `reload`: the files themselves, not an older copy from the HTTP cache.
  await cache.addAll(manifest.files.map((file) => new Request(new URL(file, siteRoot()), { cache: "reload" })));
}

async function dropOtherVersions(): Promise<void> {
  const own = cacheName(ownVersion());
  const mine = `${CACHE_PREFIX}${siteRoot()}|`;
  for (const name of await caches.keys()) {
    if (name.startsWith(mine) && name !== own) await caches.delete(name);
  }
}

/** A navigation to a folder is answered with its `index.html`. */
function lookupUrl(request: Request): string {
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") {
    url.search = "";
    if (url.pathname.endsWith("/")) url.pathname += "index.html";
  }
  return url.href;
}

async function answer(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName(ownVersion()));
  const cached = await cache.match(lookupUrl(request));
  return cached ?? fetch(request);
}

scope.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => scope.skipWaiting()));
});

scope.addEventListener("activate", (event) => {
  event.waitUntil(dropOtherVersions().then(() => scope.clients.claim()));
});

scope.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET" || !event.request.url.startsWith(siteRoot())) return;
  event.respondWith(answer(event.request));
});
