// 내손에ON 중구 — the safety map: layer toggles with counts, a react-leaflet map (grid clustering, the 15 동
// outlines and labels, popups) and the same facilities as a list a screen reader can use, filtered by the
// same toggles, nearest first (from the person, or from the district office), a page at a time.
// It opens on the shelters: what a person looks for here first; the other layers are a tap away.
//
// No Reflex state on purpose: the facilities come from the shared store of shelter_guide.js
// (window.NaesoneSafety: fetched from /api/facilities.geojson and kept in localStorage), so the map still
// answers with the network off.
// Tiles are optional (NAESONE_TILE_URL): unset, offline or unreachable → a plain background, with the
// facilities and the 동 still drawn. Nothing here loads anything from the internet by itself.
import { useEffect, useMemo, useRef, useState } from "react";
import {
  MapContainer, TileLayer, Marker, Popup, Polyline, CircleMarker, Pane, ZoomControl, AttributionControl, GeoJSON,
  useMap,
} from "react-leaflet";
import L from "leaflet";
import "leaflet/dist/leaflet.css";

const PAGE = 20; // list items shown at a time ("더 보기" adds as many)
const CELL_PX = 48; // grid clustering: facilities in one 48-px cell are drawn as one counted marker
const CLUSTER_UNTIL_ZOOM = 14; // closer than zoom 14 every facility has its own marker (streets are apart)
const FOCUS_ZOOM = 17; // "show on the map": the facility and the buildings around it
const TILE_TIMEOUT_MS = 8000; // a tile server that answers nothing in 8 s counts as unreachable

// shelter_guide.js (a classic script in the page) announces itself as window.NaesoneSafety
let safety = null;
const publish = (name, value) => safety && safety.publish(name, value);

function useSafety() {
  const [api, setApi] = useState(() => (typeof window !== "undefined" && window.NaesoneSafety) || null);
  useEffect(() => {
    if (api) return undefined;
    const ready = () => setApi(window.NaesoneSafety || null);
    window.addEventListener("naesone-safety-ready", ready);
    ready();
    return () => window.removeEventListener("naesone-safety-ready", ready);
  }, [api]);
  safety = api;
  return api;
}

function fmt(template, params) {
  return String(template).replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

const iconCache = new Map();
function cachedIcon(key, make) {
  if (!iconCache.has(key)) iconCache.set(key, make());
  return iconCache.get(key);
}

const kindIcon = (kind, shelter) =>
  cachedIcon(`k:${kind}:${shelter}`, () => L.divIcon({
    className: `fac-marker kind-${kind}${shelter ? " is-shelter" : ""}`,
    html: "<span></span>",
    iconSize: shelter ? [22, 22] : [16, 16],
  }));

const clusterIcon = (n) => {
  const size = n < 10 ? 30 : n < 50 ? 36 : 44;
  return cachedIcon(`c:${n}`, () => L.divIcon({ className: "fac-cluster", html: `<span>${n}</span>`, iconSize: [size, size] }));
};

const dongIcon = (label) =>
  cachedIcon(`d:${label}`, () => L.divIcon({ className: "dong-label", html: `<span>${escapeHtml(label)}</span>`, iconSize: [0, 0] }));

// Facilities grouped by the screen cell they fall in at `zoom`.
function gridClusters(map, facilities, zoom) {
  if (zoom > CLUSTER_UNTIL_ZOOM) return facilities.map((f) => ({ key: f.id, items: [f] }));
  const cells = new Map();
  for (const f of facilities) {
    const p = map.project([f.lat, f.lon], zoom);
    const key = `${Math.floor(p.x / CELL_PX)}:${Math.floor(p.y / CELL_PX)}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(f);
  }
  return [...cells.entries()].map(([key, items]) => ({ key: items.length === 1 ? items[0].id : `cell:${zoom}:${key}`, items }));
}

// A plain background that moves with the map: light cells drawn locally, no tile server needed.
function PlainGrid() {
  const map = useMap();
  useEffect(() => {
    const Grid = L.GridLayer.extend({
      createTile() {
        const tile = document.createElement("div");
        tile.className = "plain-tile";
        return tile;
      },
    });
    const layer = new Grid({ tileSize: 256, zIndex: 0 });
    layer.addTo(map);
    return () => { layer.remove(); };
  }, [map]);
  return null;
}

// 동 labels that would overlap a label placed before them are hidden until the map is zoomed in enough.
function DeclutterLabels({ count }) {
  const map = useMap();
  useEffect(() => {
    const place = () => {
      const placed = [];
      for (const label of map.getContainer().querySelectorAll(".dong-label span")) {
        label.classList.remove("is-crowded");
        const box = label.getBoundingClientRect();
        const clash = placed.some((b) => box.left < b.right + 2 && box.right > b.left - 2
          && box.top < b.bottom && box.bottom > b.top);
        if (clash) label.classList.add("is-crowded");
        else placed.push(box);
      }
    };
    const frame = requestAnimationFrame(place);
    map.on("zoomend", place);
    return () => { cancelAnimationFrame(frame); map.off("zoomend", place); };
  }, [map, count]);
  return null;
}

// The first time the person's position is known, show the streets around them rather than the district.
function FollowFirstFix({ position }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !position || position.source !== "gps") return;
    done.current = true;
    map.setView([position.lat, position.lon], Math.max(map.getZoom(), 15));
  }, [map, position]);
  return null;
}

// The container is a named region; Leaflet already makes it focusable for keyboard panning.
function MapLabel({ label, onMap }) {
  const map = useMap();
  useEffect(() => {
    const el = map.getContainer();
    el.setAttribute("role", "region");
    el.setAttribute("aria-label", label);
    el.id = "safety-map-canvas";
    onMap(map);
  }, [map, label]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}

// What is known of a facility, and nothing for what is not (no row of "unknown" after "unknown").
// `compact` (the list): the facts on one wrapping line, so a page of 20 stays a few screens long.
function Detail({ f, S, kindLabel, distance, compact }) {
  const hasCapacity = f.capacity !== null && f.capacity !== undefined;
  const rows = [
    f.address ? [S.address, f.address] : null,
    hasCapacity ? [S.capacity, fmt(S.people, { n: f.capacity })] : null,
    f.hours ? [S.hours, f.hours] : null,
    f.phone ? [S.phone, <a href={`tel:${f.phone.replace(/[^0-9+]/g, "")}`}>{f.phone}</a>] : null,
  ].filter(Boolean);
  if (compact) {
    return (
      <>
        <p className="facility-kind">
          <span className={`swatch kind-${f.kind}`} aria-hidden="true" /> {kindLabel}
          {distance ? ` · ${distance}` : ""}
          {f.sample ? <span className="badge badge-sample">{S.sample}</span> : null}
        </p>
        {rows.length ? (
          <p className="facility-facts">
            {rows.map(([term, value], i) => (
              <span key={term}>{i ? " · " : ""}{term === S.address ? <span lang="ko">{value}</span> : <>{term} {value}</>}</span>
            ))}
          </p>
        ) : null}
      </>
    );
  }
  return (
    <>
      <p className="facility-kind">
        <span className={`swatch kind-${f.kind}`} aria-hidden="true" /> {kindLabel}
        {distance ? ` · ${distance}` : ""}
        {f.sample ? <span className="badge badge-sample">{S.sample}</span> : null}
      </p>
      {rows.length ? (
        <dl className="facility-detail">
          {rows.map(([term, value]) => [<dt key={`t-${term}`}>{term}</dt>, <dd key={`d-${term}`}>{value}</dd>])}
        </dl>
      ) : null}
    </>
  );
}

// The 15 동 outlines (data/geo/junggu_dongs.geojson, shipped with the app): lines only, under the markers.
const DONG_STYLE = { color: "#3d4650", weight: 1.5, opacity: 0.8, dashArray: "4 3", fill: false };
function DongOutlines({ boundaries }) {
  if (!boundaries || !boundaries.features || !boundaries.features.length) return null;
  return (
    <Pane name="dong-lines" style={{ zIndex: 350, pointerEvents: "none" }}>
      <GeoJSON data={boundaries} style={() => DONG_STYLE} interactive={false} pane="dong-lines" />
    </Pane>
  );
}

function FacilityMarker({ f, shelter, S, kindLabel, focus }) {
  const marker = useRef(null);
  useEffect(() => {
    if (focus && focus.id === f.id && marker.current) marker.current.openPopup();
  }, [focus, f.id]);
  return (
    <Marker ref={marker} position={[f.lat, f.lon]} icon={kindIcon(f.kind, shelter)} title={`${f.name} (${kindLabel})`}
      alt={`${f.name} (${kindLabel})`} keyboard>
      <Popup>
        <div className="fac-popup" data-id={f.id}>
          <p className="fac-popup-name" lang="ko">{f.name}</p>
          <Detail f={f} S={S} kindLabel={kindLabel} />
          {shelter ? (
            <button type="button" className="button small" onClick={() => publish("choose", { id: f.id })}>{S.guide_here}</button>
          ) : null}
        </div>
      </Popup>
    </Marker>
  );
}

function Clusters({ facilities, shelterKinds, kindLabels, S, focus }) {
  const map = useMap();
  const [zoom, setZoom] = useState(map.getZoom());
  useEffect(() => {
    const onZoom = () => setZoom(map.getZoom());
    map.on("zoomend", onZoom);
    return () => { map.off("zoomend", onZoom); };
  }, [map]);
  const groups = useMemo(() => gridClusters(map, facilities, zoom), [map, facilities, zoom]);
  return groups.map((g) => {
    if (g.items.length === 1) {
      const f = g.items[0];
      return <FacilityMarker key={g.key} f={f} shelter={shelterKinds.has(f.kind)} S={S} kindLabel={kindLabels[f.kind] || f.kind} focus={focus} />;
    }
    const lat = g.items.reduce((s, f) => s + f.lat, 0) / g.items.length;
    const lon = g.items.reduce((s, f) => s + f.lon, 0) / g.items.length;
    const bounds = L.latLngBounds(g.items.map((f) => [f.lat, f.lon]));
    const zoomIn = () => map.fitBounds(bounds, { padding: [32, 32], maxZoom: Math.min(zoom + 3, CLUSTER_UNTIL_ZOOM + 1) });
    return (
      <Marker key={g.key} position={[lat, lon]} icon={clusterIcon(g.items.length)} title={fmt(S.cluster, { n: g.items.length })}
        alt={fmt(S.cluster, { n: g.items.length })} keyboard eventHandlers={{ click: zoomIn }} />
    );
  });
}

export function SafetyMap({ config }) {
  const api = useSafety();
  if (!api) return <p className="muted" role="status">{config.strings.loading}</p>;
  return <SafetyMapView config={config} api={api} />;
}

function SafetyMapView({ config, api }) {
  const { getStore, subscribe, loadFacilities, distanceM } = api;
  const S = config.strings;
  const kindLabels = config.kindLabels || {};
  const shelterKinds = useMemo(() => new Set(config.shelterKinds || []), []); // eslint-disable-line react-hooks/exhaustive-deps
  const kindOrder = config.kinds || [];
  const store = getStore();
  const [data, setData] = useState(store.facilities);
  const [enabled, setEnabled] = useState(null); // null until the data says which kinds exist
  const [position, setPosition] = useState(store.position);
  const [chosen, setChosen] = useState(store.chosen);
  const [route, setRoute] = useState(store.route);
  const [focus, setFocus] = useState(null);
  const [shown, setShown] = useState(PAGE);
  const [online, setOnline] = useState(typeof navigator === "undefined" ? true : navigator.onLine !== false);
  const [tilesFailed, setTilesFailed] = useState(false);
  const tileCount = useRef({ loaded: 0, errors: 0 });
  const mapRef = useRef(null);
  const listRef = useRef(null);
  const focusFrom = useRef(null); // after "more": the first newly shown item takes the focus

  useEffect(() => {
    const off = [
      subscribe("facilities", setData), subscribe("position", setPosition), subscribe("chosen", setChosen),
      subscribe("route", setRoute),
      subscribe("focus", (detail) => {
        const f = (getStore().facilities?.list || []).find((x) => x.id === detail.id);
        if (!f || !mapRef.current) return;
        setEnabled((old) => (old && !old.has(f.kind) ? new Set([...old, f.kind]) : old));
        const way = detail.route && getStore().route;
        if (way && way.id === f.id && way.points && way.points.length > 1) {
          // from the guidance: the person, the way and the shelter together
          mapRef.current.fitBounds(L.latLngBounds(way.points), { padding: [40, 40], maxZoom: FOCUS_ZOOM + 1 });
        } else {
          mapRef.current.setView([f.lat, f.lon], FOCUS_ZOOM);
          setFocus({ id: f.id, at: Date.now() });
        }
        mapRef.current.getContainer().focus({ preventScroll: true });
      }),
    ];
    const onNet = () => setOnline(navigator.onLine !== false);
    window.addEventListener("online", onNet);
    window.addEventListener("offline", onNet);
    loadFacilities();
    const fallback = document.getElementById("map-fallback");
    if (fallback) fallback.hidden = true; // the "loading the map…" line of shelter_guide.js
    return () => {
      off.forEach((fn) => fn());
      window.removeEventListener("online", onNet);
      window.removeEventListener("offline", onNet);
    };
  }, []);

  useEffect(() => {
    if (focusFrom.current === null || !listRef.current) return;
    const item = listRef.current.children[focusFrom.current];
    focusFrom.current = null;
    if (item) item.focus();
  }, [shown]);

  const all = (data && data.list) || [];
  const counts = useMemo(() => {
    const c = {};
    for (const f of all) c[f.kind] = (c[f.kind] || 0) + 1;
    return c;
  }, [all]);
  const present = kindOrder.filter((k) => counts[k]);
  // opens on the shelters (every kind if the data has none); a toggle brings the others in
  const sheltersPresent = present.filter((k) => shelterKinds.has(k));
  const active = enabled || new Set(sheltersPresent.length ? sheltersPresent : present);
  const visible = useMemo(() => all.filter((f) => active.has(f.kind)), [all, active]);

  // nearest first: from the person (GPS or the 동 they chose), else from the district office
  const origin = position || config.origin;
  const listed = useMemo(() => {
    const items = visible.map((f) => ({ f, metres: distanceM(origin.lat, origin.lon, f.lat, f.lon) }));
    items.sort((a, b) => a.metres - b.metres || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0));
    return items;
  }, [visible, origin.lat, origin.lon]); // eslint-disable-line react-hooks/exhaustive-deps

  // tiles: wait for the server's first tile; none within the timeout, or only errors → plain background
  const wantTiles = !!config.tileUrl && online && !tilesFailed;
  useEffect(() => {
    if (!wantTiles) return undefined;
    const timer = setTimeout(() => { if (tileCount.current.loaded === 0) setTilesFailed(true); }, TILE_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [wantTiles]);
  const tileEvents = useMemo(() => ({
    tileload: () => { tileCount.current.loaded += 1; },
    tileerror: () => {
      tileCount.current.errors += 1;
      if (tileCount.current.errors >= 3 && tileCount.current.loaded === 0) setTilesFailed(true);
    },
  }), []);

  const toggle = (kind) => {
    const next = new Set(active);
    if (next.has(kind)) next.delete(kind); else next.add(kind);
    setEnabled(next);
    setShown(PAGE);
  };
  const only = (kinds) => { setEnabled(new Set(kinds)); setShown(PAGE); };
  const distanceText = (m) => (m < 1000 ? `${Math.round(m)}\u00a0m` : `${(m / 1000).toFixed(1)}\u00a0km`);
  const backgroundNote = !config.tileUrl ? S.no_tiles : !online ? S.tiles_offline : tilesFailed ? S.tiles_failed : "";
  const orderNote = !position ? S.order_office
    : position.source === "dong" ? fmt(S.order_dong, { dong: position.label || "" }) : S.order_you;
  const chosenFacility = chosen && all.find((f) => f.id === chosen.id);

  return (
    <div className="safety-map">
      <fieldset className="layer-toggles" id="layer-toggles">
        <legend>{S.layers}</legend>
        <div className="layer-actions">
          <button type="button" className="button small" id="layers-all" onClick={() => only(present)}>{S.all}</button>
          <button type="button" className="button small" id="layers-shelters"
            onClick={() => only(present.filter((k) => shelterKinds.has(k)))}>{S.shelters_only}</button>
        </div>
        <ul className="layer-list">
          {present.map((kind) => (
            <li key={kind}>
              <label className="choice">
                <input type="checkbox" id={`layer-${kind}`} checked={active.has(kind)} onChange={() => toggle(kind)} />
                <span className={`swatch kind-${kind}`} aria-hidden="true" />
                <span>{fmt(S.layer, { label: kindLabels[kind] || kind, n: counts[kind] })}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <a className="skip-map" href="#facility-list">{S.skip_map}</a>
      <div id="safety-map" className="safety-map-frame">
        <MapContainer bounds={config.bounds} boundsOptions={{ padding: [12, 12] }} minZoom={12} maxZoom={19} zoomSnap={0.25} zoomControl={false} attributionControl={false}
          maxBounds={config.maxBounds} className={`safety-map-canvas${wantTiles ? "" : " no-tiles"}`} scrollWheelZoom={false}>
          <MapLabel label={S.map_label} onMap={(m) => { mapRef.current = m; }} />
          <ZoomControl position="topleft" zoomInTitle={S.zoom_in} zoomOutTitle={S.zoom_out} />
          {wantTiles ? (
            <>
              <AttributionControl position="bottomright" prefix={false} />
              <TileLayer url={config.tileUrl} attribution={config.tileAttribution} eventHandlers={tileEvents} />
            </>
          ) : <PlainGrid />}
          <DongOutlines boundaries={config.boundaries} />
          <Pane name="dongs" style={{ zIndex: 620, pointerEvents: "none" }}>
            {(config.dongs || []).map((d) => (
              <Marker key={d.name} position={[d.lat, d.lon]} icon={dongIcon(d.label || d.name)} interactive={false}
                keyboard={false} pane="dongs" />
            ))}
          </Pane>
          <DeclutterLabels count={(config.dongs || []).length} />
          <FollowFirstFix position={position} />
          {route && route.points && route.points.length > 1 ? (
            <Polyline positions={route.points} pathOptions={{ color: "#a3261b", weight: 5, opacity: 0.9,
              dashArray: route.kind === "straight" ? "10 8" : null }} />
          ) : null}
          <Clusters facilities={visible} shelterKinds={shelterKinds} kindLabels={kindLabels} S={S} focus={focus} />
          <Pane name="you" style={{ zIndex: 640, pointerEvents: "none" }}>
            {chosenFacility ? (
              <CircleMarker center={[chosenFacility.lat, chosenFacility.lon]} radius={18} interactive={false}
                pane="you" pathOptions={{ color: "#a3261b", weight: 4, fill: false }} />
            ) : null}
            {position ? (
              <CircleMarker center={[position.lat, position.lon]} radius={9} interactive={false} pane="you"
                pathOptions={{ color: "#ffffff", weight: 3, fillColor: "#0b5cad", fillOpacity: 1 }} />
            ) : null}
          </Pane>
        </MapContainer>
      </div>
      <p className="muted map-note" id="map-note">
        {backgroundNote}{backgroundNote ? " " : ""}{position ? S.you_are_here_note : ""}
      </p>
      <p className="muted map-note" id="map-attribution">{S.boundary_attribution}</p>

      <section className="facility-list-section" aria-labelledby="facility-list-title">
        <h3 id="facility-list-title">{S.list_title}</h3>
        <p id="facility-count" role="status" aria-live="polite">
          {!data ? S.loading : !data.list ? S.no_data : fmt(S.list_count, { n: visible.length })}
        </p>
        {data && data.list ? <p className="muted" id="facility-order">{orderNote}</p> : null}
        <ul className="facility-list" id="facility-list" ref={listRef} tabIndex={-1}>
          {listed.slice(0, shown).map(({ f, metres }) => (
            <li key={f.id} className="facility-item" data-id={f.id} data-kind={f.kind} data-metres={metres.toFixed(1)}
              tabIndex={-1}>
              <h4 className="facility-name" lang="ko">{f.name}</h4>
              <Detail f={f} S={S} kindLabel={kindLabels[f.kind] || f.kind} distance={distanceText(metres)} compact />
              <div className="actions compact">
                {shelterKinds.has(f.kind) ? (
                  <button type="button" className="button small" onClick={() => publish("choose", { id: f.id })}
                    aria-label={fmt(S.guide_here_label, { name: f.name })}>{S.guide_here}</button>
                ) : null}
                <button type="button" className="button small" onClick={() => publish("focus", { id: f.id })}
                  aria-label={fmt(S.show_on_map_label, { name: f.name })}>{S.show_on_map}</button>
              </div>
            </li>
          ))}
        </ul>
        {listed.length > shown ? (
          <button type="button" className="button" id="facility-more" onClick={() => { focusFrom.current = shown; setShown(shown + PAGE); }}>
            {fmt(S.more, { n: Math.min(PAGE, listed.length - shown), left: listed.length - shown })}
          </button>
        ) : null}
      </section>
    </div>
  );
}
