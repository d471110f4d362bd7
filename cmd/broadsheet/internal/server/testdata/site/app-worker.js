// app-worker.js: service worker stand-in
self.addEventListener("install", () => self.skipWaiting());
