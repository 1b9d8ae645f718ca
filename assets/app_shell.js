// 내손에ON 중구 — the app shell's own small script: install prompt, update notice, offline notice.
// Plain JavaScript on purpose: it must work before (and without) the connection to the server.
(function () {
  "use strict";
  var DISMISS_KEY = "naesone.install.dismissedAt";
  var VISITS_KEY = "naesone.pagesSeen";
  var deferred = null;

  function byId(id) { return document.getElementById(id); }
  function show(id, visible) { var el = byId(id); if (el) el.hidden = !visible; }

  function standalone() {
    return window.matchMedia("(display-mode: standalone)").matches || window.navigator.standalone === true;
  }
  function isIos() {
    return /iphone|ipad|ipod/i.test(navigator.userAgent) && !/crios|fxios/i.test(navigator.userAgent);
  }
  function recentlyDismissed() {
    var at = Number(localStorage.getItem(DISMISS_KEY) || 0);
    return Date.now() - at < 30 * 24 * 3600 * 1000;
  }
  // Ask only once the person has looked around (a third page, or their results): never on first paint.
  function engaged() {
    var seen = Number(sessionStorage.getItem(VISITS_KEY) || 0);
    return seen >= 3 || /\/results$/.test(location.pathname);
  }
  function maybeOfferInstall() {
    if (standalone() || recentlyDismissed() || !engaged()) return;
    if (deferred) { show("install-banner", true); show("install-ios", false); }
    else if (isIos()) { show("install-banner", true); show("install-ios", true); show("install-button", false); }
  }

  sessionStorage.setItem(VISITS_KEY, String(Number(sessionStorage.getItem(VISITS_KEY) || 0) + 1));
  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();
    deferred = event;
    setTimeout(maybeOfferInstall, 1500);
  });
  window.addEventListener("appinstalled", function () { show("install-banner", false); deferred = null; });

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("button") : null;
    if (!target) return;
    if (target.id === "install-button" && deferred) {
      deferred.prompt();
      deferred.userChoice.finally(function () { deferred = null; show("install-banner", false); });
    } else if (target.id === "install-dismiss") {
      localStorage.setItem(DISMISS_KEY, String(Date.now()));
      show("install-banner", false);
    } else if (target.id === "update-button") {
      var reg = window.__naesoneRegistration;
      window.__naesoneApplyingUpdate = true;
      if (reg && reg.waiting) reg.waiting.postMessage("skip-waiting"); else location.reload();
    }
  });

  window.addEventListener("naesone-update-ready", function (event) {
    window.__naesoneRegistration = event.detail;
    show("update-banner", true);
  });

  function connection() { show("offline-banner", !navigator.onLine); }
  window.addEventListener("online", connection);
  window.addEventListener("offline", connection);
  document.addEventListener("DOMContentLoaded", function () { connection(); setTimeout(maybeOfferInstall, 3000); });
})();
