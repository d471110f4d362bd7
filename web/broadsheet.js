// Broadsheet's page-side half of the service worker: it tells the reader
// when a new version is ready (and lets them choose when to switch) and
// when the offline copy could not be made. It runs before the wasm and
// without it, so an old version keeps working until the reader reloads.
(function () {
  "use strict";
  // The theme the reader chose (app/ui/preferences.go stores it), applied
  // before the wasm arrives.
  try {
    const theme = localStorage.getItem("broadsheet.theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (err) {
    // storage refused: the system's theme applies
  }
  if (!("serviceWorker" in navigator)) {
    return;
  }

  function banner(id, text, action, onAction) {
    let el = document.getElementById(id);
    if (!el) {
      el = document.createElement("div");
      el.id = id;
      el.className = "sw-banner";
      el.setAttribute("role", "status");
      document.body.appendChild(el);
    }
    el.textContent = "";
    const p = document.createElement("span");
    p.textContent = text;
    el.appendChild(p);
    if (action) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = action;
      b.addEventListener("click", onAction);
      el.appendChild(b);
    }
    return el;
  }

  function offerUpdate(worker) {
    banner("sw-update", "A new version is ready.", "Reload", function () {
      worker.postMessage({ type: "broadsheet:activate" });
    });
  }

  function precacheFailed(failures) {
    const what = failures.map(function (f) { return f.url + " (" + f.error + ")"; }).join(", ");
    banner("sw-error", "Broadsheet could not be saved for offline use: " + what +
      ". It still works while you are online.", "Retry", function () {
        navigator.serviceWorker.getRegistration().then(function (reg) { if (reg) reg.update(); });
      });
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    const msg = event.data || {};
    if (msg.type === "broadsheet:precache-failed") {
      precacheFailed(msg.failures || []);
    }
  });

  // Reload once the new worker has taken over, so no page runs old code
  // against new files.
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading || !window.__broadsheetHadController) {
      return;
    }
    reloading = true;
    window.location.reload();
  });
  window.__broadsheetHadController = !!navigator.serviceWorker.controller;

  function track(worker) {
    worker.addEventListener("statechange", function () {
      if (worker.state === "installed" && navigator.serviceWorker.controller) {
        offerUpdate(worker);
      }
    });
  }

  function watch(reg) {
    if (reg.installing) {
      track(reg.installing);
    }
    if (reg.waiting && navigator.serviceWorker.controller) {
      offerUpdate(reg.waiting);
    }
    reg.addEventListener("updatefound", function () {
      if (reg.installing) {
        track(reg.installing);
      }
    });
  }

  // An active worker has precached everything (its install fails
  // otherwise): the app now works offline.
  navigator.serviceWorker.ready.then(function () {
    document.documentElement.setAttribute("data-offline-ready", "true");
  });

  // go-app's app.js registers the worker; wait for that registration.
  let tries = 0;
  (function find() {
    navigator.serviceWorker.getRegistration().then(function (reg) {
      if (reg) {
        watch(reg);
      } else if (++tries < 100) {
        setTimeout(find, 100);
      }
    });
  })();
})();
