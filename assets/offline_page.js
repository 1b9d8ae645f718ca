// The offline page's data: what this browser kept at its last connection (no server needed).
(function () {
  "use strict";
  function read(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function list(id, items, link) {
    var ul = document.getElementById(id);
    if (!ul) return;
    ul.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      if (link) {
        var a = document.createElement("a");
        a.href = link + encodeURIComponent(item.key);
        a.textContent = item.title;
        li.appendChild(a);
      } else {
        li.textContent = item.title;
      }
      if (item.detail) {
        var small = document.createElement("span");
        small.className = "muted";
        small.textContent = " — " + item.detail;
        li.appendChild(small);
      }
      ul.appendChild(li);
    });
    var empty = document.getElementById(id + "-empty");
    if (empty) empty.hidden = items.length > 0;
  }
  function render() {
    var root = document.getElementById("offline-data");
    if (!root) return;
    var prefix = root.getAttribute("data-prefix") || "";
    var snapshot = read("naesone.offline.v1");
    var when = document.getElementById("offline-saved-at");
    if (snapshot && when) {
      when.textContent = new Date(snapshot.saved_at).toLocaleString(document.documentElement.lang || "ko");
      document.getElementById("offline-when").hidden = false;
    }
    var program = prefix + "/program?id=";
    list("offline-saved", snapshot ? snapshot.saved.map(function (c) {
      return {title: c.title, key: c.key, detail: c.deadline}; }) : [], program);
    list("offline-eligible", snapshot ? snapshot.eligible.map(function (c) {
      return {title: c.title, key: c.key, detail: c.deadline}; }) : [], program);
    // the shelters are shown by shelter_guide.js (the safety page's guidance), from its stored copy
  }
  // after React has hydrated the page (it would otherwise replace what is filled in before)
  window.addEventListener("load", function () { setTimeout(render, 300); setTimeout(render, 2000); });
})();
