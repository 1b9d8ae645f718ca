// 내손에ON 중구 — shelter guidance that works with no server at all.
//
// A classic script (no modules, no React, no Reflex state), loaded by a plain <script> in the prerendered
// page: Reflex state lives on the backend, and in an earthquake the network may be gone. It needs nothing
// but this file and the page's HTML, both kept by the service worker. Every time the page is online it
// fetches /api/facilities.geojson and keeps it in localStorage ("naesone.facilities.v1"); the nearest
// shelters, their straight-line distance, walking time and the arrow's direction are computed here from
// that copy. The formulas mirror naesone_app/core/facilities/geo.py (the browser test checks they agree).
//
// It mounts itself into #shelter-guide (configured by its data-config JSON: translated strings, the 동),
// and shares its store with the map (safety_map.jsx) through window.NaesoneSafety: one fetch, one
// position, one chosen shelter.
(function () {
"use strict";

const STORAGE_KEY = "naesone.facilities.v1";
const DATA_URL = "/api/facilities.geojson";
const EARTH_RADIUS_M = 6371008.8; // mean Earth radius (IUGG), as in geo.py
const WALKING_M_PER_MIN = 4000 / 60; // about 4 km/h: older residents and crowds in an evacuation
const SEOUL_DECLINATION_DEG = -8.8; // magnetic north is ~9° west of true north in Seoul (geo.py)
const ARRIVED_M = 20; // closer than GPS can tell apart
const MOVED_M = 10; // re-sort the list only when the person has really moved
const MAP_PATIENCE_MS = 10000; // after this, a map that has not appeared is not coming (offline)

// --- geometry (mirrors core/facilities/geo.py) -------------------------------------------------------

const rad = (d) => (d * Math.PI) / 180;

function distanceM(lat1, lon1, lat2, lon2) {
  const p1 = rad(lat1), p2 = rad(lat2);
  const dp = p2 - p1, dl = rad(lon2 - lon1);
  const a = Math.sin(dp / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

function walkingMinutes(metres) {
  return metres > 0 ? Math.ceil(metres / WALKING_M_PER_MIN - 1e-9) : 0;
}

function bearingDeg(lat1, lon1, lat2, lon2) {
  const p1 = rad(lat1), p2 = rad(lat2), dl = rad(lon2 - lon1);
  const y = Math.sin(dl) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  return (((Math.atan2(y, x) * 180) / Math.PI) % 360 + 360) % 360;
}

const mod360 = (d) => ((d % 360) + 360) % 360;

function relativeBearing(bearing, magneticHeading, declination = SEOUL_DECLINATION_DEG) {
  return mod360(bearing - mod360(magneticHeading + declination));
}

// The compass heading of where the person looks, from an absolute orientation (degrees). Held flat, that is
// where the top of the phone points (alpha turns counter-clockwise from north); held up, as for the camera
// picture, it is where the back of the phone faces (W3C DeviceOrientation, "compass heading" example).
function headingFromOrientation(alpha, beta, gamma) {
  if (typeof beta !== "number" || Math.abs(beta) < 45) return mod360(360 - alpha);
  const x = rad(beta), y = rad(gamma || 0), z = rad(alpha);
  const vx = -Math.cos(z) * Math.sin(y) - Math.sin(z) * Math.sin(x) * Math.cos(y);
  const vy = -Math.sin(z) * Math.sin(y) + Math.cos(z) * Math.sin(x) * Math.cos(y);
  return mod360((Math.atan2(vx, vy) * 180) / Math.PI);
}

function compassPoint(degrees) {
  return Math.round(mod360(degrees) / 45) % 8;
}

// Facilities as plain objects; `features` is a GeoJSON FeatureCollection's feature list.
function toFacilities(collection) {
  const out = [];
  for (const f of (collection && collection.features) || []) {
    const c = f && f.geometry && f.geometry.coordinates;
    const p = (f && f.properties) || {};
    if (!Array.isArray(c) || typeof c[0] !== "number" || typeof c[1] !== "number" || !p.id) continue;
    out.push({
      id: String(p.id), kind: String(p.kind || ""), name: String(p.name || ""),
      address: p.address || "", capacity: p.capacity ?? null, hours: p.hours || "", phone: p.phone || "",
      sample: !!p.is_sample, lat: c[1], lon: c[0],
    });
  }
  return out;
}

// The `limit` closest facilities of `kinds` (a Set, or null for all), closest first; ties by id (as geo.py).
function nearest(facilities, lat, lon, limit, kinds) {
  const scored = [];
  for (const f of facilities) {
    if (kinds && !kinds.has(f.kind)) continue;
    scored.push({ facility: f, metres: distanceM(lat, lon, f.lat, f.lon) });
  }
  scored.sort((a, b) => a.metres - b.metres || (a.facility.id < b.facility.id ? -1 : a.facility.id > b.facility.id ? 1 : 0));
  return scored.slice(0, limit).map((s) => ({ ...s, minutes: walkingMinutes(s.metres) }));
}

// --- the page's shared store: facilities, position, the chosen shelter, the route -------------------

function getStore() {
  // kept on window so that every copy of this module on the page (the map's, the guide's) shares it
  if (!window.__naesoneSafety) {
    window.__naesoneSafety = {
      events: new EventTarget(), facilities: null, savedAt: null, position: null, chosen: null, route: null,
      loading: null,
    };
  }
  return window.__naesoneSafety;
}

function publish(name, value) {
  const store = getStore();
  if (name in store) store[name] = value;
  store.events.dispatchEvent(new CustomEvent(name, { detail: value }));
}

function subscribe(name, listener) {
  const handler = (event) => listener(event.detail);
  getStore().events.addEventListener(name, handler);
  return () => getStore().events.removeEventListener(name, handler);
}

function readStored() {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const saved = JSON.parse(raw);
    if (!saved || saved.data?.type !== "FeatureCollection" || !Array.isArray(saved.data.features)) return null;
    return saved;
  } catch (_) {
    return null; // unreadable or blocked storage: behave as if nothing was saved
  }
}

function announceFacilities(collection, savedAt, source) {
  const store = getStore();
  store.savedAt = savedAt;
  publish("facilities", { list: toFacilities(collection), savedAt, source, version: collection.version || "" });
}

// Read the saved copy at once (instant answer, works offline), then refresh it from the server.
function loadFacilities() {
  const store = getStore();
  if (store.loading) return store.loading;
  const saved = readStored();
  if (saved) announceFacilities(saved.data, saved.saved_at, "stored");
  store.loading = fetch(DATA_URL, { headers: { Accept: "application/geo+json" } })
    .then((response) => {
      if (!response.ok) throw new Error("HTTP " + response.status);
      // the service worker may answer from its cache: the Date header says how old the copy is
      const date = Date.parse(response.headers.get("Date") || "");
      return response.text().then((text) => ({ text, savedAt: Number.isNaN(date) ? Date.now() : date }));
    })
    .then(({ text, savedAt }) => {
      const data = JSON.parse(text);
      if (data?.type !== "FeatureCollection" || !Array.isArray(data.features)) throw new Error("not GeoJSON");
      if (saved && saved.data.version && saved.data.version === data.version && saved.saved_at >= savedAt) {
        return; // nothing new
      }
      try {
        // the text as served (already compact), wrapped with when it was fetched
        window.localStorage.setItem(STORAGE_KEY, `{"saved_at":${savedAt},"data":${text}}`);
      } catch (_) {
        /* storage full or blocked: the page still works online */
      }
      announceFacilities(data, savedAt, "network");
    })
    .catch(() => {
      if (!saved) publish("facilities", { list: null, savedAt: null, source: "none", version: "" });
    });
  return store.loading;
}

// --- the guidance island --------------------------------------------------------------------------

function fmt(template, params) {
  return String(template).replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));
}

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children) if (child !== null && child !== undefined) el.append(child);
  return el;
}

const ARROW_SVG =
  '<svg viewBox="0 0 100 100" width="100%" height="100%" aria-hidden="true" focusable="false">' +
  '<path d="M50 6 L84 88 L50 70 L16 88 Z" fill="#0b5cad" stroke="#ffffff" stroke-width="5" stroke-linejoin="round"/>' +
  "</svg>";

// Mount the guidance into `root` (React renders it with an empty dangerouslySetInnerHTML, so it never
// touches its children); returns a function that unmounts it.
function mountShelterGuide(root, config) {
  const S = config.strings;
  const locale = config.locale || "ko";
  const shelterKinds = new Set(config.shelterKinds || []);
  const limit = config.limit || 5;
  const number1 = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const integer = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const store = getStore();
  const cleanups = [];
  let facilities = null; // shelters only
  let dataInfo = null;
  let position = store.position; // {lat, lon, source: "gps" | "dong", accuracy, label}
  let listedAt = null; // the position the list was computed for
  let chosen = null; // {facility}
  let heading = null; // magnetic heading of the device, degrees
  let watchId = null;
  let cameraStream = null;
  let frame = 0;

  // a no-break space keeps "130 m" together when large text wraps
  const distanceText = (m) => (m < 1000 ? `${integer.format(Math.round(m))}\u00a0m` : `${number1.format(m / 1000)}\u00a0km`);

  // --- structure -----------------------------------------------------------------------------------
  const status = h("p", { id: "guide-status", class: "guide-status", role: "status", "aria-live": "polite" });
  const dataNote = h("p", { id: "guide-data", class: "muted" });
  const locateButton = h("button", { type: "button", id: "guide-locate", class: "button primary", text: S.locate,
    onclick: () => locate(true) });
  const dongSelect = h("select", { id: "guide-dong", onchange: (e) => chooseDong(e.target.value) },
    h("option", { value: "", text: S.dong_placeholder }),
    ...(config.dongs || []).map((d) => h("option", { value: d.name, text: d.label || d.name })));
  const list = h("ol", { id: "guide-list", class: "shelter-list" });
  const listPanel = h("div", { id: "guide-list-panel" },
    h("div", { class: "guide-controls" }, locateButton,
      h("div", { class: "field" }, h("label", { for: "guide-dong", text: S.dong_label }), dongSelect)),
    status, list, dataNote);

  const title = h("h3", { id: "guide-title", tabindex: "-1" });
  const summary = h("p", { id: "guide-summary", class: "guide-summary" });
  const video = h("video", { id: "guide-video", class: "guide-video", playsinline: true, muted: true,
    autoplay: true, hidden: true, "aria-hidden": "true" });
  video.muted = true; // the property, not only the attribute, lets the picture start without a tap
  const arrow = h("div", { id: "guide-arrow", class: "guide-arrow", role: "img", "aria-label": "" });
  arrow.innerHTML = ARROW_SVG;
  const north = h("span", { class: "guide-north", "aria-hidden": "true", text: S.north_mark });
  const stage = h("div", { id: "guide-stage", class: "guide-stage" }, video, north, arrow);
  const direction = h("p", { id: "guide-direction", class: "guide-direction" });
  const mode = h("p", { id: "guide-mode", class: "muted" });
  const routeNote = h("p", { id: "guide-route", class: "muted" });
  const compassButton = h("button", { type: "button", id: "guide-compass", class: "button", text: S.compass_enable,
    hidden: true, onclick: () => enableCompass(true) });
  const cameraButton = h("button", { type: "button", id: "guide-camera", class: "button", text: S.camera,
    onclick: () => toggleCamera() });
  const mapButton = h("button", { type: "button", id: "guide-map", class: "button", text: S.show_map,
    onclick: () => showOnMap() });
  const backButton = h("button", { type: "button", id: "guide-back", class: "button", text: S.back,
    onclick: () => closeGuide() });
  const view = h("section", { id: "guide-view", class: "guide-view", hidden: true, "aria-labelledby": "guide-title" },
    title, summary, stage, direction, mode, routeNote,
    h("div", { class: "actions" }, compassButton, cameraButton, mapButton, backButton));
  root.replaceChildren(h("div", { class: "guide" }, listPanel, view));

  const say = (text) => { status.textContent = text; };

  // --- data ----------------------------------------------------------------------------------------
  function setFacilities(detail) {
    if (!detail || !detail.list) {
      if (!facilities) say(S.no_data);
      return;
    }
    facilities = detail.list.filter((f) => shelterKinds.has(f.kind));
    dataInfo = detail;
    const when = detail.savedAt ? dateFormat.format(new Date(detail.savedAt)) : "";
    const sample = facilities.some((f) => f.sample) ? " " + S.data_sample : "";
    dataNote.textContent = fmt(S.data_saved, { n: integer.format(facilities.length), date: when }) + sample;
    listedAt = null;
    render();
  }

  // --- position ------------------------------------------------------------------------------------
  function setPosition(next, announce) {
    position = next;
    publish("position", next);
    if (announce || !listedAt || distanceM(listedAt.lat, listedAt.lon, next.lat, next.lon) >= MOVED_M) {
      listedAt = next;
      render(announce);
    }
    if (chosen) updateGuide();
  }

  function locate(fromButton) {
    if (!("geolocation" in navigator)) {
      say(S.unavailable);
      return;
    }
    if (fromButton) say(S.locating);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPosition({ lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy, source: "gps" }, true);
        if (watchId === null) {
          watchId = navigator.geolocation.watchPosition(
            (q) => setPosition({ lat: q.coords.latitude, lon: q.coords.longitude, accuracy: q.coords.accuracy, source: "gps" }, false),
            () => {}, { enableHighAccuracy: true, maximumAge: 10000 });
        }
      },
      (error) => {
        say(error && error.code === 1 ? S.denied : S.unavailable);
        if (fromButton) dongSelect.focus();
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 },
    );
  }

  function chooseDong(name) {
    const dong = (config.dongs || []).find((d) => d.name === name);
    if (!dong) return;
    setPosition({ lat: dong.lat, lon: dong.lon, accuracy: null, source: "dong", label: dong.label || dong.name }, true);
  }

  // --- the list ------------------------------------------------------------------------------------
  function render(announce) {
    if (!facilities) return;
    if (!position) {
      list.replaceChildren();
      if (!status.textContent || status.textContent === S.loading) say(S.need_location);
      return;
    }
    const found = nearest(facilities, position.lat, position.lon, limit, null);
    list.replaceChildren(...found.map((near, i) => shelterItem(near, i)));
    if (announce !== false) {
      const where = position.source === "dong" ? fmt(S.located_dong, { dong: position.label, n: found.length })
        : fmt(S.located, { n: found.length });
      say(navigator.onLine === false ? where + " " + S.offline : where);
    }
  }

  function shelterItem(near, index) {
    const f = near.facility;
    const kind = (config.kindLabels || {})[f.kind] || f.kind;
    return h("li", { class: "shelter-item", "data-id": f.id, "data-metres": near.metres.toFixed(1) },
      h("h3", { class: "shelter-name", text: f.name }),
      h("p", { class: "shelter-meta" },
        h("span", { class: "shelter-distance", text: distanceText(near.metres) }), " · ",
        h("span", { class: "shelter-minutes", text: fmt(S.walk, { minutes: integer.format(near.minutes) }) }),
        " · ", kind),
      f.address ? h("p", { class: "muted shelter-address", text: f.address }) : null,
      h("button", { type: "button", class: "button small", id: `guide-choose-${index}`, text: S.choose,
        "aria-label": fmt(S.choose_label, { name: f.name }), onclick: () => openGuide(f) }));
  }

  // --- the guidance view -----------------------------------------------------------------------------
  function openGuide(facility) {
    chosen = { facility };
    publish("chosen", facility);
    listPanel.hidden = true;
    view.hidden = false;
    title.textContent = fmt(S.guide_title, { name: facility.name });
    routeNote.textContent = "";
    // listen at once (most browsers need nothing more); where motion access must be asked for on a tap
    // (iOS), offer the button until the first reading arrives
    enableCompass(false);
    compassButton.hidden = heading !== null || typeof DeviceOrientationEvent === "undefined"
      || typeof DeviceOrientationEvent.requestPermission !== "function";
    updateGuide();
    requestRoute(facility);
    title.focus();
  }

  function closeGuide() {
    const id = chosen && chosen.facility.id;
    stopCamera();
    chosen = null;
    publish("chosen", null);
    publish("route", null);
    view.hidden = true;
    listPanel.hidden = false;
    const item = id && list.querySelector(`li[data-id="${CSS.escape(id)}"] button`);
    (item || locateButton).focus();
  }

  function updateGuide() {
    if (!chosen) return;
    const f = chosen.facility;
    if (!position) {
      summary.textContent = S.need_location;
      return;
    }
    const metres = distanceM(position.lat, position.lon, f.lat, f.lon);
    const bearing = bearingDeg(position.lat, position.lon, f.lat, f.lon);
    summary.textContent = metres < ARRIVED_M ? S.arrived
      : fmt(S.straight, { distance: distanceText(metres), minutes: integer.format(walkingMinutes(metres)) });
    let angle, label;
    if (heading === null) {
      angle = bearing; // no compass: the arrow is drawn with north up, like the map
      const point = (config.compass || [])[compassPoint(bearing)] || "";
      label = fmt(S.arrow_north, { direction: point, degrees: Math.round(bearing) % 360 });
      mode.textContent = cameraStream ? S.mode_ar_north : S.mode_north;
      north.hidden = false;
    } else {
      angle = relativeBearing(bearing, heading);
      const where = (config.turns || [])[compassPoint(angle)] || "";
      const signed = Math.round(angle > 180 ? angle - 360 : angle);
      const turn = signed === 0 ? S.turn_none
        : fmt(signed > 0 ? S.turn_right : S.turn_left, { degrees: Math.abs(signed) });
      label = fmt(S.arrow_compass, { direction: where, turn });
      mode.textContent = cameraStream ? S.mode_ar : S.mode_compass;
      north.hidden = true;
    }
    const rounded = Math.round(angle) % 360;
    arrow.style.transform = `rotate(${rounded}deg)`;
    arrow.dataset.angle = String(rounded);
    arrow.dataset.bearing = bearing.toFixed(1);
    arrow.setAttribute("aria-label", label);
    direction.textContent = label;
  }

  // --- compass ----------------------------------------------------------------------------------------
  let compassOn = false;
  function onOrientation(event) {
    let value = null;
    if (typeof event.webkitCompassHeading === "number" && !Number.isNaN(event.webkitCompassHeading)) {
      value = event.webkitCompassHeading; // iOS: degrees clockwise from magnetic north
    } else if ((event.type === "deviceorientationabsolute" || event.absolute === true) && typeof event.alpha === "number") {
      value = headingFromOrientation(event.alpha, event.beta, event.gamma);
    } else {
      return; // a relative orientation knows no north
    }
    const screenAngle = (screen.orientation && screen.orientation.angle) || window.orientation || 0;
    heading = mod360(value + screenAngle);
    compassButton.hidden = true;
    if (!frame) frame = requestAnimationFrame(() => { frame = 0; updateGuide(); });
  }

  function enableCompass(fromButton) {
    const start = () => {
      if (compassOn) return;
      compassOn = true;
      window.addEventListener("deviceorientationabsolute", onOrientation);
      window.addEventListener("deviceorientation", onOrientation);
      cleanups.push(() => {
        window.removeEventListener("deviceorientationabsolute", onOrientation);
        window.removeEventListener("deviceorientation", onOrientation);
      });
    };
    if (fromButton && typeof DeviceOrientationEvent !== "undefined"
        && typeof DeviceOrientationEvent.requestPermission === "function") {
      DeviceOrientationEvent.requestPermission()
        .then((answer) => { if (answer === "granted") { compassButton.hidden = true; start(); } else mode.textContent = S.compass_denied; })
        .catch(() => { mode.textContent = S.compass_denied; });
    } else {
      start();
    }
  }

  // --- camera (AR) ------------------------------------------------------------------------------------
  function stopCamera() {
    if (cameraStream) cameraStream.getTracks().forEach((t) => t.stop());
    cameraStream = null;
    video.srcObject = null;
    video.hidden = true;
    stage.classList.remove("ar");
    cameraButton.textContent = S.camera;
  }

  function toggleCamera() {
    if (cameraStream) {
      stopCamera();
      updateGuide();
      return;
    }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      mode.textContent = S.camera_failed;
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false })
      .then((stream) => {
        if (!chosen) { stream.getTracks().forEach((t) => t.stop()); return; }
        cameraStream = stream;
        video.srcObject = stream;
        video.hidden = false;
        stage.classList.add("ar");
        cameraButton.textContent = S.camera_off;
        video.play().catch(() => {});
        updateGuide();
      })
      .catch(() => { mode.textContent = S.camera_failed; });
  }

  // --- route and map ------------------------------------------------------------------------------------
  function straightLine(f) {
    routeNote.textContent = S.route_straight;
    publish("route", { id: f.id, kind: "straight", points: position ? [[position.lat, position.lon], [f.lat, f.lon]] : [] });
  }

  function requestRoute(f) {
    if (!config.routing || !position || position.source !== "gps" || navigator.onLine === false) {
      straightLine(f);
      return;
    }
    routeNote.textContent = S.route_loading;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 10000);
    const query = new URLSearchParams({ from_lat: position.lat.toFixed(6), from_lon: position.lon.toFixed(6), to: f.id });
    fetch(`/api/route/walk?${query}`, { signal: controller.signal, cache: "no-store" })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error("HTTP " + r.status))))
      .then((route) => {
        if (!chosen || chosen.facility.id !== f.id) return;
        routeNote.textContent = fmt(S.route_ok, { distance: distanceText(route.distance_m), minutes: integer.format(route.walking_minutes) });
        publish("route", { id: f.id, kind: "route", points: route.points });
      })
      .catch(() => {
        if (!chosen || chosen.facility.id !== f.id) return;
        straightLine(f);
        routeNote.textContent = S.route_failed;
      })
      .finally(() => clearTimeout(timer));
  }

  function showOnMap() {
    if (!chosen) return;
    publish("focus", { id: chosen.facility.id, route: true });
    const map = document.getElementById("safety-map");
    if (map) map.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  // --- wiring -------------------------------------------------------------------------------------------
  cleanups.push(subscribe("facilities", setFacilities));
  cleanups.push(subscribe("choose", (detail) => {
    const f = facilities && facilities.find((x) => x.id === detail.id);
    if (!f) return;
    root.scrollIntoView({ behavior: "smooth", block: "start" });
    openGuide(f);
  }));
  const onNetwork = () => render(true);
  window.addEventListener("online", onNetwork);
  window.addEventListener("offline", onNetwork);
  cleanups.push(() => { window.removeEventListener("online", onNetwork); window.removeEventListener("offline", onNetwork); });

  if (store.facilities) setFacilities(store.facilities);
  else if (getStore().savedAt === null && !readStored()) say(S.loading);
  loadFacilities();
  if (position) render(true);
  // ask for the position at once only if the person already allowed it; otherwise wait for the button
  if (navigator.permissions && navigator.permissions.query) {
    navigator.permissions.query({ name: "geolocation" }).then((p) => { if (p.state === "granted" && !position) locate(false); })
      .catch(() => {});
  }

  return () => {
    cleanups.forEach((fn) => fn());
    if (watchId !== null) navigator.geolocation.clearWatch(watchId);
    stopCamera();
    if (frame) cancelAnimationFrame(frame);
    root.replaceChildren();
  };
}

// --- boot: mount into the page, and again if React ever replaces the container ---------------------

const api = {
  STORAGE_KEY, DATA_URL, distanceM, walkingMinutes, bearingDeg, relativeBearing, headingFromOrientation,
  compassPoint, toFacilities, nearest, getStore, publish, subscribe, loadFacilities, mountShelterGuide,
};
window.NaesoneSafety = api;
window.dispatchEvent(new CustomEvent("naesone-safety-ready"));

let mounted = null; // {root, unmount}
function boot() {
  const root = document.getElementById("shelter-guide");
  if (!root || (mounted && mounted.root === root)) return;
  let config;
  try {
    config = JSON.parse(root.getAttribute("data-config") || "");
  } catch (_) {
    return;
  }
  if (mounted) mounted.unmount();
  mounted = { root, unmount: mountShelterGuide(root, config) };
  // the map needs the React bundle; until it shows, say so, and say plainly if it does not come
  const fallback = document.getElementById("map-fallback");
  if (fallback && !document.querySelector(".safety-map")) {
    fallback.textContent = config.strings.map_loading || "";
    setTimeout(() => {
      if (!document.querySelector(".safety-map")) fallback.textContent = config.strings.map_unavailable || "";
    }, MAP_PATIENCE_MS);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
// a client-side re-render (e.g. after a hydration mismatch elsewhere) may swap the container for a new one
new MutationObserver(() => {
  if (mounted && !mounted.root.isConnected) boot();
  else if (!mounted) boot();
}).observe(document.documentElement, { childList: true, subtree: true });
})();
