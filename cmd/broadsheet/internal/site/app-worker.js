// Broadsheet's service worker. It replaces go-app's default, which
// precaches without waiting (an install that failed to fetch one file left
// an empty cache, silently), serves cache-first across every version's
// cache (mixing old and new files) and fails every offline navigation but
// "/".
//
// - install: fetch every file of this version, revalidating what the HTTP
//   cache holds (the page registers this worker only once it has
//   downloaded the wasm, so that comes back as a 304, not a second
//   download); if one fails, tell the pages and fail the install, so the
//   previous version stays in charge and nothing half-cached is ever used.
// - the new version waits until the reader chooses to reload (the page
//   posts "broadsheet:activate"); until then the old one serves everything.
// - every navigation, with any query string, is answered by this version:
//   see navigate below.
const version = "{{.Version}}";
const cacheName = "broadsheet-" + version;
const shell = "{{.Shell}}";
const precache = {{.Precache}};

self.addEventListener("install", (event) => {
  event.waitUntil(install());
});

async function install() {
  const cache = await caches.open(cacheName);
  const failures = [];
  await Promise.all(precache.map(async (url) => {
    try {
      let res = await fetch(new Request(url, { cache: "no-cache" }));
      if (!res.ok) {
        throw new Error("HTTP " + res.status);
      }
      if (res.redirected) {
        // A static host may redirect /timeline to /timeline/; a redirected
        // response cannot answer a navigation, so keep its body only.
        res = new Response(await res.blob(), { status: 200, headers: res.headers });
      }
      await cache.put(url, res);
    } catch (err) {
      failures.push({ url: url, error: String(err && err.message || err) });
    }
  }));
  if (failures.length > 0) {
    await caches.delete(cacheName);
    const what = failures.map((f) => f.url + " (" + f.error + ")").join(", ");
    console.error("broadsheet: offline copy of version " + version + " failed: " + what);
    await tell({ type: "broadsheet:precache-failed", version: version, failures: failures });
    throw new Error("precache failed: " + what);
  }
}

async function tell(msg) {
  const pages = await self.clients.matchAll({ includeUncontrolled: true, type: "window" });
  for (const page of pages) {
    page.postMessage(msg);
  }
}

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "broadsheet:activate") {
    self.skipWaiting();
  }
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== cacheName) {
        await caches.delete(key);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(answer(req));
});

async function answer(req) {
  const cache = await caches.open(cacheName);
  if (req.mode === "navigate") {
    return navigate(req, cache);
  }
  return (await cache.match(req)) || fetch(req);
}

// navigate answers a page load: a precached page at once; else the page
// from the network if it belongs to this very version (it names it in a
// meta tag) and comes within a few seconds; else the cached shell, whose
// wasm routes the URL. A page of another version is never shown, so old
// and new files do not mix.
async function navigate(req, cache) {
  const path = new URL(req.url).pathname.replace(/\/+$/, "") || "/";
  const cached = (await cache.match(path)) || (await cache.match(path + "/"));
  if (cached) {
    return cached;
  }
  try {
    const res = await Promise.race([
      fetch(req),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 4000)),
    ]);
    if (res.ok && (await res.clone().text()).includes('content="' + version + '"')) {
      return res;
    }
  } catch (err) {
    // offline or too slow: the shell below
  }
  return (await cache.match(shell)) || fetch(req);
}
