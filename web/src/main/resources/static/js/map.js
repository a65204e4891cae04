// The region map: roads, schools, students of an eligibility run, and a plan's stops, routes, riders,
// route list and timetables. Everything comes from /api, so what a role may not see never arrives.
(function () {
  'use strict';
  const T = window.XIAOCHE_TEXT;
  const STATUS_COLOURS = { walks: '#2e7d32', needs_transport: '#d84315', unreachable: '#6a1b9a' };
  // Unserved riders (no bus) are red and drawn larger, never the purple of homes off the walking network.
  const RIDER_COLOURS = { transported: '#1565c0', cap_infeasible: '#f9a825', unserved: '#d50000' };
  const regionId = document.getElementById('map-page').dataset.regionId;

  // No tile layer by default: planners' machines may be offline, so the roads come from our own graph. Canvas
  // rendering keeps 100,000 circle markers smooth; only route arrows are DOM markers.
  const map = L.map('map', { preferCanvas: true, zoomControl: false });
  // Leaflet's own controls speak English: their titles come from the bundles too.
  L.control.zoom({ zoomInTitle: Xiaoche.t('zoomIn'), zoomOutTitle: Xiaoche.t('zoomOut') }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  // A background tile layer only when the service is configured with one (xiaoche.map.tile-url).
  const tileUrl = document.getElementById('map-page').dataset.tileUrl;
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: document.getElementById('map-page').dataset.tileAttribution || '' }).addTo(map);
  }
  // Roads, runs, schools and stops are canvas tiles of our own (js/map-tiles.js), in that order; above them the
  // bus-usable and dropped roads (when shown), then homes and riders, which Leaflet draws at village zoom only.
  // layers.routes, .schools and .stops hold those features as Leaflet layers off the map: styles, popups and
  // filter membership, not drawing.
  map.createPane('mapTiles').style.zIndex = 395;
  map.createPane('busRoads').style.zIndex = 397;
  const ROAD_STYLES = { minor: { color: '#90a4ae', weight: 1 }, major: { color: '#90a4ae', weight: 2 } };
  const GROUP = { roads: 0, runs: 1, schools: 2, stops: 3 };
  // Thinner runs where a whole county is in view: 2,500 runs 4 px wide are one smear there, and slow to paint.
  const tiles = XiaocheMapTiles({ pane: 'mapTiles', maxWeight_px: 16,
    weightAt: (zoom, weight, item) => (item.group === GROUP.runs ? weight * (zoom <= 10 ? 0.4 : zoom <= 12 ? 0.7 : 1) : weight) });
  /** A layer off the map whose popup opens on the map, at its point (markers) or at the point given. */
  function popupOnMap(l, where) {
    l.openPopup = latlng => {
      l.getPopup().setLatLng(latlng || where()).openOn(map);
      return l;
    };
  }
  const layers = {
    busRoads: L.geoJSON(null, { pane: 'busRoads', style: () => ({ color: '#00897b', weight: 3, opacity: 0.8 }),
      onEachFeature: (f, l) => l.bindTooltip(esc(roadLabel(f.properties))) }),
    droppedBusRoads: L.geoJSON(null, { pane: 'busRoads', style: () => ({ color: '#ff6f00', weight: 4, opacity: 0.9, dashArray: '6 4' }),
      onEachFeature: (f, l) => l.bindTooltip(esc(roadLabel(f.properties))) }),
    // bubblingMouseEvents false: a click on a point is not also a click on the runs beneath it.
    students: L.geoJSON(null, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 3, weight: 1, bubblingMouseEvents: false,
      color: STATUS_COLOURS[f.properties.status] || '#555', fillOpacity: 0.6 }), onEachFeature: (f, l) => l.bindPopup(() => homePopup(f.properties)) }),
    riders: L.geoJSON(null, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: f.properties.status === 'unserved' ? 6 : 4,
      bubblingMouseEvents: false,
      weight: f.properties.status === 'unserved' ? 2 : 1, color: RIDER_COLOURS[f.properties.status] || '#555', fillOpacity: 0.8 }),
      onEachFeature: (f, l) => l.bindPopup(() => riderPopup(f.properties)) }),
    routes: L.geoJSON(null, { style: f => routeStyle(f.properties), onEachFeature: (f, l) => {
      l.bindPopup(() => routePopup(f.properties));
      popupOnMap(l, () => middleOf(f.geometry));
      l.on('popupopen', () => { state.runPopup = l; });
    } }),
    arrows: L.layerGroup(),
    stops: L.geoJSON(null, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 5, weight: 2, color: '#000', fillColor: '#fff', fillOpacity: 1 }),
      onEachFeature: (f, l) => {
        l.bindPopup(() => stopPopup(f.properties));
        popupOnMap(l, () => l.getLatLng());
      } }),
    // Schools are rings, so the stop often placed beside the gate stays visible and clickable above them.
    schools: L.geoJSON(null, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 10, weight: 4, color: '#0d47a1', fillOpacity: 0.15 }),
      onEachFeature: (f, l) => {
        l.bindPopup(() => schoolPopup(f.properties));
        popupOnMap(l, () => l.getLatLng());
      } })
  };
  // The bus-usable network is as large as the road network: fetched when first switched on.
  const lazyLayers = { busRoads: '/bus-roads.geojson' };
  /** Toggles whose features the tiles draw (the others are Leaflet layers put on and off the map). */
  const TILE_TOGGLES = ['roads', 'routes', 'schools', 'stops'];
  const TILE_MODELS = ['routes', 'schools', 'stops'];
  tiles.addTo(map);
  Object.keys(layers).filter(name => !(name in lazyLayers) && !TILE_MODELS.includes(name)).forEach(name => layers[name].addTo(map));
  const state = { role: null, schoolNames: {}, busIndex: {}, planId: null, runLayers: {}, runItems: {}, arrowLayers: {}, loaded: {},
    runsById: {}, planBySchool: {}, eligibilitySchools: {}, selectedRun: null, filter: { school: '', bus: '', run: '' },
    tileItems: { roads: [], runs: [], schools: [], stops: [] } };
  // Hook for browser tests: the layers, and the plan on show once it is fully drawn.
  window.xiaocheMap = { map, layers, tiles, state };

  /** Whether a layer toggle is ticked (no toggle: shown); read once per drawing of the tiles (readTicks). */
  let ticks = {};
  function readTicks() {
    ticks = {};
    document.querySelectorAll('.layer-toggles input[data-layer]').forEach(box => { ticks[box.dataset.layer] = box.checked; });
  }
  function ticked(name) {
    return ticks[name] !== false;
  }

  /** The tiles' items from the road, run, school and stop features on show; re-indexed when one of them changes. */
  function setTileItems() {
    readTicks();
    const t = state.tileItems;
    tiles.setItems([...t.roads, ...t.runs, ...t.schools, ...t.stops], keptKey());
  }

  function pointItem(l, group, toggle, visible) {
    const ll = l.getLatLng();
    return { layer: l, group, point: [ll.lng, ll.lat], style: () => l.options, shown: () => ticked(toggle) && (!visible || visible()) };
  }

  /** The unfiltered map with every tile layer ticked and no run selected: its picture is kept per tile. */
  function keptKey() {
    const f = state.filter;
    return !f.school && !f.bus && !f.run && state.selectedRun == null && TILE_TOGGLES.every(ticked) ? 'all' : null;
  }

  // County-sized rosters: from DETAIL_POINTS homes and riders together, those two layers and the route
  // arrows (DOM markers) are on the map only from DETAIL_ZOOM on, where a few villages fill it. Farther
  // out 100,000 markers are one smear, and every pan or filter would redraw or re-add all of them.
  const DETAIL_POINTS = Number(document.getElementById('map-page').dataset.detailPoints || 20000);
  const DETAIL_ZOOM = 14, DETAIL_LAYERS = ['students', 'riders', 'arrows'];
  function countySized() {
    return (state.homeLayers || []).length + (state.riderLayers || []).length >= DETAIL_POINTS;
  }
  function detailVisible() {
    return !countySized() || map.getZoom() >= DETAIL_ZOOM;
  }

  // Zoomed in on a county-sized roster, only the homes, riders and route arrows around the view are on the
  // map, found through a grid of cells: Leaflet touches every marker on the map at each pan (and arrows are
  // DOM elements), so 200,000 of them would make every pan and popup take seconds. `_xcMatch` on a rider
  // or an arrow says whether the filter keeps it.
  const CELL_DEG = 0.01;
  const cellOf = ll => Math.floor(ll.lat / CELL_DEG) + ':' + Math.floor(ll.lng / CELL_DEG);
  function indexCells() {
    state.cells = { riders: new Map(), students: new Map(), arrows: new Map() };
    state.shownCells = { riders: new Set(), students: new Set(), arrows: new Set() };
    if (!countySized()) return;
    [['riders', state.riderLayers], ['students', state.homeLayers],
      ['arrows', Object.values(state.arrowLayers || {}).flat()]].forEach(([n, all]) => {
      layers[n].clearLayers();
      (all || []).forEach(l => {
        const key = cellOf(l.getLatLng());
        if (!state.cells[n].has(key)) state.cells[n].set(key, []);
        state.cells[n].get(key).push(l);
      });
    });
  }
  /** Puts on the map the homes and riders of the cells around the view (and the filter's riders only). */
  function cull() {
    if (!countySized() || !state.cells) return;
    const wanted = new Set();
    if (detailVisible()) {
      const b = map.getBounds().pad(0.5);
      for (let i = Math.floor(b.getSouth() / CELL_DEG); i <= Math.floor(b.getNorth() / CELL_DEG); i++) {
        for (let j = Math.floor(b.getWest() / CELL_DEG); j <= Math.floor(b.getEast() / CELL_DEG); j++) wanted.add(i + ':' + j);
      }
    }
    DETAIL_LAYERS.forEach(n => {
      const cells = state.cells[n];
      state.shownCells[n].forEach(k => { if (!wanted.has(k)) (cells.get(k) || []).forEach(l => layers[n].removeLayer(l)); });
      wanted.forEach(k => (cells.get(k) || []).forEach(l => {
        const want = l._xcMatch !== false;
        if (want && !layers[n].hasLayer(l)) layers[n].addLayer(l);
        else if (!want && layers[n].hasLayer(l)) layers[n].removeLayer(l);
        if (n === 'students') styleHome(l);
      }));
      state.shownCells[n] = wanted;
    });
  }
  map.on('moveend', cull);
  /** Whether layer {@code name} belongs on the map now: its box ticked, and for the detail layers, detail shown. */
  function layerWanted(name) {
    const box = document.querySelector('.layer-toggles input[data-layer="' + (name === 'arrows' ? 'routes' : name) + '"]');
    return (!box || box.checked) && (!DETAIL_LAYERS.includes(name) || detailVisible());
  }
  function updateDetail() {
    if (!state.detailFiltered && DETAIL_LAYERS.some(n => layerWanted(n) && !map.hasLayer(layers[n]))) filterDetail();
    DETAIL_LAYERS.forEach(n => {
      const want = layerWanted(n);
      if (want && !map.hasLayer(layers[n])) layers[n].addTo(map);
      else if (!want && map.hasLayer(layers[n])) map.removeLayer(layers[n]);
    });
    cull();
    document.getElementById('detail-hint').hidden = detailVisible();
  }
  map.on('zoomend', updateDetail);

  /**
   * One colour per bus for fleets of hundreds: hues a golden angle apart and three lightness steps, so
   * buses next to each other in the list never look alike (twelve fixed colours were reused over 186 buses).
   */
  function busColour(busId) {
    if (!(busId in state.busIndex)) state.busIndex[busId] = Object.keys(state.busIndex).length;
    const i = state.busIndex[busId];
    return 'hsl(' + ((i * 137.508) % 360).toFixed(1) + ', 80%, ' + [38, 52, 28][i % 3] + '%)';
  }

  function routeStyle(p) {
    const selected = state.selectedRun;
    const dimmed = selected != null && selected !== p.run_id;
    return { color: busColour(p.bus_id), weight: selected === p.run_id ? 8 : 4, opacity: dimmed ? 0.2 : 0.85,
      dashArray: p.direction === 'PM' ? '8 6' : null };
  }

  /** Highlights one run (the others fade) or none; redraw false when the caller redraws the runs itself. */
  function selectRun(runId, redraw = true) {
    // Restyling 2,500 runs at every filter change is wasted when the selection stays.
    const changed = runId !== state.selectedRun || state.styledFor !== state.planId;
    state.selectedRun = runId;
    state.styledFor = state.planId;
    window.xiaocheMap.selectedRun = runId;
    if (changed) layers.routes.eachLayer(l => l.setStyle(routeStyle(l.feature.properties)));
    tiles.top(runId == null ? null : state.runItems[runId]);
    if (redraw) redrawTiles();
  }

  /** Repaints the tiles; the unfiltered map's picture is kept per tile, so going back to it is quick. */
  function redrawTiles() {
    readTicks();
    tiles.refresh(keptKey());
  }

  /** A line's middle vertex: where a run's popup opens when no point is given. */
  function middleOf(geometry) {
    const line = geometry.type === 'MultiLineString' ? geometry.coordinates[0] : geometry.coordinates;
    const c = line[Math.floor(line.length / 2)];
    return L.latLng(c[1], c[0]);
  }

  function openRun(layer, latlng) {
    selectRun(layer.feature.properties.run_id);
    layer.openPopup(latlng);
    showTimetable(layer.feature.properties.run_id);
  }

  /**
   * A click on the map: a stop or school under the pointer opens its popup; else the one run there, or a
   * chooser listing every run there (they overlap).
   */
  function clickOnMap(e) {
    const point = tiles.near(e.containerPoint, 2, [GROUP.stops])[0] || tiles.near(e.containerPoint, 2, [GROUP.schools])[0];
    if (point) {
      point.layer.openPopup();
      return;
    }
    const near = tiles.near(e.containerPoint, 8, [GROUP.runs]).map(item => item.layer);
    if (near.length === 0) return;
    if (near.length === 1) {
      openRun(near[0], e.latlng);
      return;
    }
    const box = document.createElement('div');
    box.className = 'run-chooser';
    const title = document.createElement('p');
    title.textContent = Xiaoche.t('chooseRun', near.length);
    box.appendChild(title);
    near.forEach(l => {
      const p = l.feature.properties;
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.runId = p.run_id;
      button.style.borderLeft = '6px solid ' + busColour(p.bus_id);
      button.textContent = p.bus_id + ' · ' + directionName(p.direction) + ' · ' + schoolName(p.school_id)
        + ' · ' + minutes(p.start_time) + '–' + minutes(p.end_time);
      button.onclick = () => {
        map.closePopup();
        openRun(l, e.latlng);
      };
      box.appendChild(button);
    });
    L.popup().setLatLng(e.latlng).setContent(box).openOn(map);
  }
  map.on('click', clickOnMap);

  // Pointer over a stop, school or run: the hand cursor, and a school's name as its tooltip.
  const schoolTip = L.tooltip({ direction: 'top', offset: [0, -10] });
  let hoverAt = null, hoverScheduled = false;
  map.on('mousemove', e => {
    hoverAt = e.containerPoint;
    if (hoverScheduled) return;
    hoverScheduled = true;
    requestAnimationFrame(() => {
      hoverScheduled = false;
      const at = hoverAt;
      const hit = tiles.near(at, 2, [GROUP.stops, GROUP.schools])[0] || tiles.near(at, 4, [GROUP.runs])[0];
      map.getContainer().style.cursor = hit ? 'pointer' : '';
      if (hit && hit.group === GROUP.schools) {
        const p = hit.layer.feature.properties;
        schoolTip.setLatLng(hit.layer.getLatLng()).setContent(esc(p.school_name || p.school_id));
        if (!map.hasLayer(schoolTip)) schoolTip.addTo(map);
      } else if (map.hasLayer(schoolTip)) {
        map.removeLayer(schoolTip);
      }
    });
  });

  // Leaflet renders tooltip and popup strings as HTML: every user-supplied text goes through esc().
  function esc(v) {
    const d = document.createElement('div');
    d.textContent = v == null ? '' : String(v);
    return d.innerHTML;
  }

  function rows(pairs) {
    return '<table class="popup">' + pairs.filter(p => p[1] !== undefined && p[1] !== null && p[1] !== '')
      .map(p => '<tr><th>' + esc(p[0]) + '</th><td>' + esc(p[1]) + '</td></tr>').join('') + '</table>';
  }

  function riderPopup(p) {
    return rows([[T.student, p.student_id], [T.school, schoolName(p.school_id)],
      [Xiaoche.t('status'), Xiaoche.tOr('riderStatus.' + p.status, p.status)],
      [T.walk, p.walk_to_stop_m == null ? null : Math.round(p.walk_to_stop_m)],
      [T.stop, p.stop_id], [T.pickup, minutes(p.pickup_time)],
      [Xiaoche.t('reason'), p.status === 'transported' ? null : reasonText(p.reason)]]);
  }

  /** A school: enrolment, who needs transport and who is served, its buses and bell times. */
  function schoolPopup(p) {
    const e = (state.eligibilitySchools || {})[p.school_id];
    const plan = state.planBySchool[p.school_id];
    return rows([[T.school, p.school_name || p.school_id], [Xiaoche.t('school.enrolment'), e ? e.students : null],
      [Xiaoche.t('school.needsTransport'), e ? e.needsTransport : null],
      [Xiaoche.t('school.served'), plan && plan.served != null ? plan.served : null],
      [Xiaoche.t('school.buses'), plan ? plan.buses.size : null],
      [Xiaoche.t('school.bell'), p.bell_time], [Xiaoche.t('school.dismissal'), p.dismissal_time]]);
  }

  function homePopup(p) {
    return rows([[T.student, p.student_id], [T.school, schoolName(p.school_id)],
      [Xiaoche.t('status'), Xiaoche.tOr('homeStatus.' + p.status, p.status)],
      [Xiaoche.t('walkToSchool'), p.walk_m == null ? null : Math.round(p.walk_m)],
      [Xiaoche.t('reason'), reasonText(p.reason)]]);
  }

  function stopPopup(p) {
    // Operators get no "students" property at all, so the row is left out.
    return rows([[T.stopName, p.stop_name], [T.stop, p.stop_id], [T.road, p.road_name === p.stop_name ? null : p.road_name],
      [T.students, p.students], [T.times, stopCalls(p).map(c => {
        const run = state.runsById[c.runId];
        return (run ? run.busId + ' ' + directionName(run.direction) : c.runId) + ' ' + minutes(c.time);
      }).join('；')]]);
  }

  function routePopup(p) {
    return rows([[T.bus, p.bus_id + ' · ' + directionName(p.direction)], [T.school, schoolName(p.school_id)],
      [T.type, busTypeName(p.seats)], [T.seatsUsed, p.students == null ? null : p.students + ' / ' + p.seats], [T.seats, p.students == null ? p.seats : null],
      [T.length, p.length_km], [T.start, minutes(p.start_time)], [T.end, minutes(p.end_time)]]);
  }

  /** The runs calling at a stop with their arrival, from the layer's "runId HH:mm:ss; …" property. */
  function stopCalls(p) {
    return (p.arrival_times || '').split('; ').filter(Boolean).map(entry => {
      const at = entry.lastIndexOf(' ');
      return { runId: entry.slice(0, at), time: entry.slice(at + 1) };
    });
  }

  function directionName(direction) {
    return direction === 'AM' ? T.am : T.pm;
  }

  /** A bus type by its seats ("56座"): the fleet's type ids are file keys, not words for the page. */
  function busTypeName(seats) {
    return Xiaoche.t('busType', seats);
  }

  /** Times of day to the minute, as a clock shows them (07:40:59 is 07:40), inside any text. */
  function minutes(text) {
    return text == null ? text : String(text).replace(/\b(\d\d:\d\d):\d\d\b/g, '$1');
  }

  // The engine's reasons are English sentences with numbers; each known form has a text in the bundles.
  const REASONS = [
    [/^grade (\d+) (morning |afternoon )?journey ([\d.]+) min \(walk ([\d.]+) \+ wait ([\d.]+) \+ direct ride ([\d.]+)\) exceeds the ([\d.]+) min cap$/,
      m => Xiaoche.t('reason.journeyCap', m[1], reasonDirection(m[2]), m[3], m[4], m[5], m[6], m[7])],
    [/^(morning |afternoon )?direct ride ([\d.]+) min exceeds the ([\d.]+) min ride cap$/,
      m => Xiaoche.t('reason.rideCap', reasonDirection(m[1]), m[2], m[3])],
    [/^no bus road between stop (\S+) and the school in both directions$/, m => Xiaoche.t('reason.noBusRoadBetween', m[1])],
    [/^the route solver found no feasible run$/, () => Xiaoche.t('reason.noFeasibleRun')],
    [/^(?:(.*); )?no road where a bus may stop within (\d+) m(?: \(nearest (\d+) m in a straight line\))?$/,
      m => (m[1] ? reasonText(m[1]) + '；' : '') + Xiaoche.t('reason.noStopRoad', m[2])
        + (m[3] ? Xiaoche.t('reason.nearestStraight', m[3]) : '')],
    [/^school off network \((\d+) m\)$/, m => Xiaoche.t('reason.schoolOffNetworkAt', m[1])],
    [/^school off network$/, () => Xiaoche.t('reason.schoolOffNetwork')],
    [/^off network \(no walkable way nearby\)$/, () => Xiaoche.t('reason.noWalkableWay')],
    [/^off network \((\d+) m\)$/, m => Xiaoche.t('reason.offNetworkAt', m[1])],
    [/^no walking route \(one-way restrictions\)$/, () => Xiaoche.t('reason.oneWay')],
    [/^different network component$/, () => Xiaoche.t('reason.otherComponent')]
  ];

  function reasonDirection(word) {
    return word ? Xiaoche.t('reason.direction.' + word.trim()) : '';
  }

  /** A student's reason in the page's language; an unknown form is shown as it came. */
  function reasonText(reason) {
    if (!reason) return reason;
    for (const [pattern, text] of REASONS) {
      const m = pattern.exec(reason);
      if (m) return text(m);
    }
    return reason;
  }

  function roadLabel(p) {
    return (p.road_name ? p.road_name + ' · ' : '') + roadClassName(p.road_class);
  }

  function roadClassName(roadClass) {
    // Classes no bus may use (platform, corridor, …) are not stop choices, so their names are bundle keys of their own.
    return T.roadClasses[roadClass] || Xiaoche.tOr('roadClass.' + roadClass, roadClass);
  }

  function format(template, ...values) {
    return template.replace(/\{(\d)\}/g, (m, i) => values[Number(i)]);
  }

  /** What the road import left out, one line per profile and road class, then the longest named roads. */
  function showImportWarnings(region) {
    const box = document.getElementById('import-warnings');
    const list = box.querySelector('ul');
    list.innerHTML = '';
    const warnings = region.importWarnings || [];
    const roads = region.droppedRoads || [];
    ['school_bus', 'foot'].forEach(profile => {
      const bus = profile === 'school_bus';
      warnings.filter(w => w.profile === profile).forEach(w => {
        const li = document.createElement('li');
        li.dataset.profile = profile;
        li.dataset.roadClass = w.roadClass;
        li.textContent = format(bus ? T.importBus : T.importFoot, kilometres(w.dropped_km), roadClassName(w.roadClass));
        list.appendChild(li);
      });
      const named = roads.filter(r => r.profile === profile);
      if (named.length > 0) {
        const li = document.createElement('li');
        li.dataset.profile = profile;
        li.className = 'roads';
        li.textContent = format(bus ? T.importBusRoads : T.importFootRoads, named.map(r =>
          format(T.importRoad, [r.name, r.ref].filter(Boolean).join(' '), roadClassName(r.roadClass), kilometres(r.km)))
          .join(T.importSeparator));
        list.appendChild(li);
      }
    });
    box.hidden = list.children.length === 0;
    document.getElementById('layer-dropped-bus-roads').closest('label').hidden = !warnings.some(w => w.profile === 'school_bus');
  }

  function kilometres(km) {
    return km < 10 ? km.toFixed(2) : km.toFixed(1);
  }

  function schoolName(id) {
    return state.schoolNames[id] || id;
  }

  /** Small arrowheads a quarter, half and three quarters along a run, pointing the way the bus drives; returns them. */
  function addArrows(feature, colour) {
    const ll = feature.geometry.coordinates.map(c => L.latLng(c[1], c[0]));
    const added = [];
    if (ll.length < 2) return added;
    const pts = ll.map(p => map.options.crs.project(p));
    const cumulative = [0];
    for (let i = 1; i < pts.length; i++) cumulative.push(cumulative[i - 1] + pts[i].distanceTo(pts[i - 1]));
    const total = cumulative[cumulative.length - 1];
    if (total === 0) return added;
    [0.25, 0.5, 0.75].forEach(f => {
      const target = total * f;
      let i = 1;
      while (i < pts.length - 1 && cumulative[i] < target) i++;
      const a = pts[i - 1], b = pts[i];
      const t = (target - cumulative[i - 1]) / Math.max(1e-9, cumulative[i] - cumulative[i - 1]);
      const at = map.options.crs.unproject(L.point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t));
      // Projected y grows northwards, screen y southwards: hence the minus.
      const degrees = -Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI;
      const icon = L.divIcon({ className: 'route-arrow-icon', iconSize: [12, 12],
        html: '<div class="route-arrow" style="border-left-color:' + colour + ';transform:rotate(' + degrees.toFixed(1) + 'deg)"></div>' });
      added.push(L.marker(at, { icon, interactive: false, keyboard: false }).addTo(layers.arrows));
    });
    return added;
  }

  function cell(tr, value) {
    const td = document.createElement('td');
    td.textContent = value == null ? '' : value;
    tr.appendChild(td);
    return td;
  }

  async function loadSchools(datasetId) {
    const schools = await Xiaoche.api('/api/datasets/' + datasetId + '/schools.geojson');
    schools.features.forEach(f => { state.schoolNames[f.properties.school_id] = f.properties.school_name || f.properties.school_id; });
    layers.schools.clearLayers().addData(schools);
    state.tileItems.schools = layers.schools.getLayers().map(l => pointItem(l, GROUP.schools, 'schools'));
    setTileItems();
  }

  async function showRun(runId) {
    const run = await Xiaoche.api('/api/eligibility-runs/' + runId);
    const tbody = document.querySelector('#school-summary tbody');
    tbody.innerHTML = '';
    run.schools.forEach(s => {
      const tr = document.createElement('tr');
      tr.dataset.schoolId = s.schoolId;
      [s.schoolName || s.schoolId, s.students, s.walkers, s.needsTransport, s.unreachable,
        s.walkP90_m == null ? '' : Math.round(s.walkP90_m)].forEach(v => cell(tr, v));
      tbody.appendChild(tr);
    });
    const foot = document.querySelector('#school-summary tfoot');
    foot.innerHTML = '';
    const tr = document.createElement('tr');
    [T.total, run.students, run.walkers, run.needsTransport, run.unreachable, ''].forEach(v => cell(tr, v));
    foot.appendChild(tr);
    layers.students.clearLayers();
    if (state.role === 'planner') {
      const homes = await Xiaoche.api('/api/eligibility-runs/' + runId + '/students.geojson');
      // Filled off the map: only updateDetail decides whether a county's homes are drawn.
      map.removeLayer(layers.students);
      layers.students.addData(homes);
      state.homeLayers = layers.students.getLayers();
      indexCells();
      updateDetail();
    } else {
      document.getElementById('students-hidden').hidden = false;
    }
    state.eligibilitySchools = Object.fromEntries(run.schools.map(x => [x.schoolId, x]));
    window.xiaocheMap.shownRun = { id: run.id, datasetId: run.datasetId };
  }

  const t = Xiaoche.t;
  const chooseCaption = document.getElementById('timetable-caption').textContent;

  function author(name) {
    return name || t('unknownAuthor');
  }

  /** Replaces a picker's options; each item becomes one option with label(item). */
  function fillSelect(select, items, label) {
    select.innerHTML = '';
    items.forEach(item => {
      const option = document.createElement('option');
      option.value = item.id;
      option.textContent = label(item);
      select.appendChild(option);
    });
  }

  /** Rosters of the region, oldest first; null for operators, who may not list them. */
  async function loadDatasets() {
    state.datasets = state.role === 'planner' || state.role === 'viewer'
      ? await Xiaoche.api('/api/regions/' + regionId + '/datasets') : null;
    const select = document.getElementById('dataset-select');
    document.getElementById('dataset-picker').hidden = state.datasets == null;
    if (state.datasets == null) return;
    // Newest first, like the other pickers.
    fillSelect(select, state.datasets.slice().reverse(), d => t('option.roster', d.name, d.schoolCount, d.studentCount,
      Xiaoche.when(d.createdAt), author(d.createdBy)));
    document.getElementById('no-dataset').hidden = state.datasets.length > 0;
    document.getElementById('dataset-delete').hidden = state.role !== 'planner' || state.datasets.length === 0;
    select.onchange = () => showDataset(Number(select.value));
  }

  /**
   * One roster on show with its own eligibility run and plan: the run and plan pickers list only what
   * was computed from this roster, so homes, routes and figures always belong together.
   */
  async function showDataset(datasetId, choice) {
    state.datasetId = datasetId;
    window.xiaocheMap.shownDatasetId = datasetId;
    if (datasetId != null) document.getElementById('dataset-select').value = datasetId;
    await loadRuns(choice && choice.runId);
    await loadPlans(choice && choice.planId);
  }

  function clearRun() {
    document.querySelector('#school-summary tbody').innerHTML = '';
    document.querySelector('#school-summary tfoot').innerHTML = '';
    layers.students.clearLayers();
    state.homeLayers = [];
    indexCells();
    state.eligibilitySchools = {};
    window.xiaocheMap.shownRun = null;
  }

  async function loadRuns(selectId) {
    const select = document.getElementById('run-select');
    const runs = state.datasets != null && state.datasetId != null
      ? await Xiaoche.api('/api/eligibility-runs?datasetId=' + state.datasetId) : [];
    fillSelect(select, runs, r => t('option.run', r.id, Math.round(r.walkThreshold_m), Xiaoche.when(r.createdAt)));
    document.getElementById('no-run').hidden = runs.length > 0;
    clearRun();
    if (state.datasetId != null) await loadSchools(state.datasetId);
    if (runs.length > 0) {
      select.value = selectId || runs[0].id;
      await showRun(select.value);
    }
    select.onchange = () => showRun(select.value);
    return runs;
  }

  function fmt(template, ...args) {
    return template.replace(/\{(\d)\}/g, (m, i) => args[Number(i)]);
  }

  /**
   * The plan's two-part verdict: green only when the rules hold AND coverage is complete; amber when the
   * rules hold but students have no bus or buses are needed beyond the fleet; red when the rules fail.
   * Operators get the two words without numbers, so no count is shown to them.
   */
  function verdict(plan) {
    const state = !plan.valid ? 'invalid' : plan.coverageComplete ? 'complete' : 'incomplete';
    const text = fmt(T.verdictParts, plan.valid ? T.rulesValid : T.rulesInvalid,
      plan.coverageComplete ? T.coverageComplete : T.coverageIncomplete);
    const details = [];
    if (plan.unserved > 0) details.push(fmt(T.studentsWithoutBus, plan.unserved));
    if (plan.busesBeyondFleet > 0) details.push(fmt(T.busesBeyondFleet, plan.busesBeyondFleet));
    const detail = details.length === 0 ? null : details.length === 1 ? details[0] : fmt(T.verdictBoth, details[0], details[1]);
    return { state, headline: text, text: detail ? fmt(T.verdictDetails, text, detail) : text };
  }

  function showPlanSummary(plan) {
    const badge = document.getElementById('plan-validity');
    const v = verdict(plan);
    badge.hidden = false;
    badge.className = v.state === 'complete' ? 'valid' : v.state;
    badge.dataset.valid = plan.valid;
    badge.dataset.coverage = plan.coverageComplete ? 'complete' : 'incomplete';
    badge.dataset.verdict = v.state;
    badge.textContent = v.text;
    // The engine's own sentences (English, with counts for planners and viewers) on hover.
    badge.title = v.text;
    const dl = document.getElementById('plan-summary');
    dl.innerHTML = '';
    const reasons = Object.entries(plan.unservedByReason || {}).map(([code, n]) => [T.unservedReasons[code] || code, n]);
    [[T.buses, plan.buses], [T.shortfall, plan.busesBeyondFleet], [T.runs, plan.runs], [T.stops, plan.stops],
      [T.busKm, plan.busKmPerDay], [t('cost.perDay'), plan.costPerDay],
      [t('cost.perYear', plan.schoolDaysPerYear), plan.costPerYear], [T.transported, plan.transported], [T.unserved, plan.unserved], ...reasons,
      [T.capInfeasible, plan.capInfeasible], [T.walkOverLimit, plan.walkOverLimit],
      [T.rideP90, plan.rideP90_s == null ? null : Math.round(plan.rideP90_s / 60)], [T.solver, plan.solver],
      [T.wallCapHits, plan.solverWallCapHits > 0 ? plan.solverWallCapHits : null]]
      .filter(p => p[1] !== undefined && p[1] !== null).forEach(p => {
        const dt = document.createElement('dt');
        dt.textContent = p[0];
        const dd = document.createElement('dd');
        dd.textContent = p[1];
        dl.append(dt, dd);
      });
  }

  // The route list: a county's 2,500 runs keep only the rows near the list's view in the page.
  const routeList = XiaocheVirtualRows(document.querySelector('#route-list tbody'), document.querySelector('#route-list').closest('.scroll'),
    { all_rows: Number(document.getElementById('map-page').dataset.listRows || 200), columns: 8, render: routeRow });

  /** The runs the filters keep, in the list. */
  function showRouteList(runs) {
    routeList.setItems(runs.filter(runMatches));
  }

  function routeRow(r) {
    const tr = document.createElement('tr');
    tr.dataset.runId = r.runId;
    tr.dataset.key = r.runId;
    if (r.runId === state.timetableRun) tr.classList.add('selected');
    const swatch = cell(tr, r.busId);
    swatch.style.borderLeft = '6px solid ' + busColour(r.busId);
    [busTypeName(r.seats), directionName(r.direction), schoolName(r.schoolId),
      r.students == null ? r.seats : r.students + ' / ' + r.seats, minutes(r.start), minutes(r.end), r.length_km].forEach(v => cell(tr, v));
    tr.onclick = () => showTimetable(r.runId);
    // Keyboard: the rows are in the tab order and open their timetable with Enter or Space.
    tr.tabIndex = 0;
    tr.onkeydown = e => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        showTimetable(r.runId);
      }
    };
    return tr;
  }

  async function showTimetable(runId) {
    const tt = await Xiaoche.api('/api/plans/' + state.planId + '/runs/' + encodeURIComponent(runId) + '/timetable');
    state.timetableRun = runId;
    document.querySelectorAll('#route-list tr.selected').forEach(tr => tr.classList.remove('selected'));
    const row = document.querySelector('#route-list tr[data-run-id="' + CSS.escape(runId) + '"]');
    if (row) row.classList.add('selected');
    document.getElementById('timetable-caption').textContent = tt.busId + ' · ' + tt.runId + ' · ' + busTypeName(tt.seats) + ' · ' + directionName(tt.direction)
      + ' · ' + schoolName(tt.schoolId) + ' · ' + Xiaoche.t('km', tt.length_km);
    const table = document.getElementById('timetable');
    table.dataset.runId = tt.runId;
    table.classList.toggle('no-counts', tt.students == null);
    const tbody = table.querySelector('tbody');
    tbody.innerHTML = '';
    tt.stops.forEach(s => {
      const tr = document.createElement('tr');
      [s.seq, s.kind === 'school' ? schoolName(s.placeId) : (s.name ? s.name + ' (' + s.placeId + ')' : s.placeId),
        minutes(s.arrival), minutes(s.departure)].forEach(v => cell(tr, v));
      cell(tr, s.boarding).className = 'counts';
      cell(tr, s.alighting).className = 'counts';
      tbody.appendChild(tr);
    });
    selectRun(runId);
  }

  async function showPlan(planId) {
    state.planId = planId;
    window.xiaocheMap.shownPlanId = null;
    const plan = await Xiaoche.api('/api/plans/' + planId);
    showPlanSummary(plan);
    showPlanInputs(plan);
    if (state.datasets == null) await loadSchools(plan.datasetId);
    const [stops, routes, runs] = await Promise.all([
      Xiaoche.api('/api/plans/' + planId + '/stops.geojson'),
      Xiaoche.api('/api/plans/' + planId + '/routes.geojson'),
      Xiaoche.api('/api/plans/' + planId + '/runs')]);
    state.busIndex = {};
    runs.forEach(r => busColour(r.busId));
    state.runs = runs;
    state.runsById = Object.fromEntries(runs.map(r => [r.runId, r]));
    state.planBySchool = {};
    runs.forEach(r => {
      const school = state.planBySchool[r.schoolId] || (state.planBySchool[r.schoolId] = { buses: new Set(), served: 0 });
      school.buses.add(r.busId);
      // Riders are counted once, on their morning runs; operators get no counts at all.
      if (r.direction === 'AM') school.served = r.students == null || school.served == null ? null : school.served + r.students;
    });
    state.selectedRun = null;
    layers.stops.clearLayers().addData(stops);
    layers.routes.clearLayers().addData(routes);
    layers.arrows.clearLayers();
    state.runLayers = {};
    state.arrowLayers = {};
    state.runItems = {};
    const items = [];
    layers.routes.eachLayer(l => {
      state.runLayers[l.feature.properties.run_id] = l;
      state.arrowLayers[l.feature.properties.run_id] = addArrows(l.feature, busColour(l.feature.properties.bus_id));
      const g = l.feature.geometry;
      const item = { layer: l, group: GROUP.runs, lines: g.type === 'MultiLineString' ? g.coordinates : [g.coordinates],
        style: () => l.options, shown: () => ticked('routes') && layers.routes.hasLayer(l) };
      state.runItems[l.feature.properties.run_id] = item;
      items.push(item);
    });
    state.tileItems.runs = items;
    layers.riders.clearLayers();
    map.removeLayer(layers.riders);
    state.detailFiltered = false;
    if (state.role === 'planner') {
      layers.riders.addData(await Xiaoche.api('/api/plans/' + planId + '/students.geojson'));
    }
    state.stopLayers = layers.stops.getLayers();
    state.tileItems.stops = state.stopLayers.map(l => pointItem(l, GROUP.stops, 'stops', () => !l._xcHidden));
    setTileItems();
    // The runs calling at each stop, read once from its "runId HH:mm:ss; …" property for the filters.
    state.stopLayers.forEach(l => { l._xcRuns = stopCalls(l.feature.properties).map(c => c.runId); });
    state.stopById = Object.fromEntries(state.stopLayers.map(l => [l.feature.properties.stop_id, l.feature.properties.arrival_times]));
    state.riderLayers = layers.riders.getLayers();
    indexCells();
    updateDetail();
    fillFilters(runs);
    applyFilter();
    window.xiaocheMap.shownPlan = { id: plan.id, datasetId: plan.datasetId };
    window.xiaocheMap.shownPlanId = String(planId);
    // For the page's other panels (js/adoption.js).
    document.dispatchEvent(new CustomEvent('xiaoche:plan-shown', { detail: { planId: String(planId) } }));
  }

  function clearPlan() {
    state.planId = null;
    window.xiaocheMap.shownPlanId = null;
    window.xiaocheMap.shownPlan = null;
    ['stops', 'routes', 'arrows', 'riders'].forEach(n => layers[n].clearLayers());
    state.tileItems.runs = [];
    state.tileItems.stops = [];
    setTileItems();
    state.runLayers = {};
    state.runItems = {};
    state.arrowLayers = {};
    state.runsById = {};
    state.planBySchool = {};
    state.stopLayers = [];
    state.riderLayers = [];
    indexCells();
    fillFilters([]);
    document.getElementById('plan-validity').hidden = true;
    // For the page's other panels (js/plan-summary.js): no plan is shown now.
    document.dispatchEvent(new CustomEvent('xiaoche:plan-cleared'));
    document.getElementById('plan-summary').innerHTML = '';
    document.getElementById('plan-inputs-panel').hidden = true;
    state.runs = [];
    state.timetableRun = null;
    routeList.setItems([]);
    document.querySelector('#timetable tbody').innerHTML = '';
    document.getElementById('timetable-caption').textContent = chooseCaption;
  }

  /** The plans of the roster on show (operators, who see no rosters: every plan of the region). */
  async function loadPlans(selectId) {
    const select = document.getElementById('plan-select');
    const query = state.datasets == null ? 'regionId=' + regionId : 'datasetId=' + state.datasetId;
    const plans = state.role === 'admin' || (state.datasets != null && state.datasetId == null) ? []
      : await Xiaoche.api('/api/plans?' + query);
    fillSelect(select, plans, p => t('option.plan', p.id, verdict(p).headline, Xiaoche.when(p.createdAt), author(p.createdBy)));
    document.getElementById('no-plan').hidden = plans.length > 0;
    document.getElementById('plan-delete').hidden = state.role !== 'planner' || plans.length === 0;
    clearPlan();
    if (plans.length > 0) {
      select.value = selectId || plans[0].id;
      await showPlan(select.value);
    }
    select.onchange = () => showPlan(select.value);
    return plans;
  }

  /** What the plan was made from: roster, fleet and policy as the engine used them. */
  function showPlanInputs(plan) {
    const panel = document.getElementById('plan-inputs-panel');
    const dl = document.getElementById('plan-inputs');
    dl.innerHTML = '';
    const add = (term, value) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      dl.append(dt, dd);
      return dd;
    };
    add(t('createdBy'), author(plan.createdBy));
    add(t('createdAt'), Xiaoche.when(plan.createdAt));
    const inputs = plan.inputs;
    panel.hidden = !inputs;
    if (!inputs) return;
    add(t('inputs.roster'), inputs.datasetName + ' (#' + inputs.datasetId + ')');
    add(t('inputs.fleet'), (inputs.fleet.busTypes || []).map(b => t('inputs.busType', b.seats, b.available, b.costPerDay, b.costPerKm))
      .join('；'));
    const depots = inputs.fleet.depots || [];
    add(t('inputs.depots'), depots.length === 0 ? t('inputs.noDepot') : depots.map(d => d.id).join('、'));
    policyRows(inputs.policy).forEach(([label, value]) => add(label, value));
  }

  /** The policy's settings that the bundles name (js.policy.*), with their values. */
  function policyRows(policy) {
    const out = [];
    const visit = (object, prefix) => Object.entries(object || {}).forEach(([key, value]) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        if (key === 'routes') visit(value, 'routes.');
        // The term calendar is the exports' service days, not a planning setting of the plan's inputs.
        else if (key !== 'termCalendar' && Object.keys(value).length > 0) out.push([Xiaoche.tOr('policy.' + prefix + key, key), JSON.stringify(value)]);
        return;
      }
      const label = Xiaoche.tOr('policy.' + prefix + key, null);
      if (label == null) return;
      const name = key === 'stopRoadClasses' ? roadClassName : key === 'noStopRoadEnvironments'
        ? v => Xiaoche.tOr('roadEnvironment.' + v, v) : v => v;
      out.push([label, Array.isArray(value) ? value.map(name).join('、') : value]);
    });
    visit(policy, '');
    return out;
  }

  /** The filter pickers: schools of the roster, buses and runs of the plan. */
  function fillFilters(runs) {
    const schools = Object.entries(state.schoolNames).map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
    const buses = [...new Set(runs.map(r => r.busId))].sort();
    const fill = (id, items, label) => {
      const select = document.getElementById(id);
      const keep = select.value;
      select.innerHTML = '';
      const all = document.createElement('option');
      all.value = '';
      all.textContent = Xiaoche.t('filter.all');
      select.appendChild(all);
      items.forEach(item => {
        const option = document.createElement('option');
        option.value = item.id;
        option.textContent = label(item);
        select.appendChild(option);
      });
      select.value = items.some(item => item.id === keep) ? keep : '';
    };
    fill('filter-school', schools, x => x.name);
    fill('filter-bus', buses.map(b => ({ id: b })), x => x.id);
    fill('filter-run', runs.map(r => ({ id: r.runId, run: r })), x => x.run.busId + ' · ' + directionName(x.run.direction)
      + ' · ' + schoolName(x.run.schoolId) + ' · ' + minutes(x.run.start));
    state.filter = { school: value('filter-school'), bus: value('filter-bus'), run: value('filter-run') };
  }

  function value(id) {
    return document.getElementById(id).value;
  }

  function runMatches(run) {
    const f = state.filter;
    return run != null && (!f.school || run.schoolId === f.school) && (!f.bus || run.busId === f.bus) && (!f.run || run.runId === f.run);
  }

  /** A stop the filters leave out is not drawn (nor found under the pointer); the tiles are redrawn by the caller. */
  function showStop(l, visible) {
    l._xcHidden = !visible;
  }

  /** A home faded unless it belongs to the school filtered on; restyled only when that changed. */
  function styleHome(l) {
    const school = state.filter.school;
    if (l._xcStyledFor === school) return;
    l._xcStyledFor = school;
    const mine = !school || l.feature.properties.school_id === school;
    l.setStyle({ opacity: mine ? 1 : 0.1, fillOpacity: mine ? 0.6 : 0.05 });
  }

  /** Puts a layer in its group or takes it out, touching the map only when that changes. */
  function show(group, layer, visible) {
    if (visible && !group.hasLayer(layer)) group.addLayer(layer);
    else if (!visible && group.hasLayer(layer)) group.removeLayer(layer);
  }

  /** Shows only what the school, bus and run filters select: runs, their arrows and stops, riders, homes and schools. */
  function applyFilter() {
    const f = state.filter;
    const any = f.school || f.bus || f.run;
    Object.entries(state.runLayers).forEach(([runId, layer]) => show(layers.routes, layer, runMatches(state.runsById[runId])));
    // A run's popup goes with its run, as Leaflet does for the layers it has on the map.
    if (state.runPopup && !layers.routes.hasLayer(state.runPopup) && state.runPopup.isPopupOpen()) map.closePopup();
    (state.stopLayers || []).forEach(l => showStop(l, !any || l._xcRuns.some(runId => runMatches(state.runsById[runId]))));
    // Homes, riders and arrows off the map (a county seen whole) are filtered when they are drawn again.
    if (DETAIL_LAYERS.some(n => map.hasLayer(layers[n]))) filterDetail();
    else state.detailFiltered = false;
    const school = f.school || (f.run && state.runsById[f.run] ? state.runsById[f.run].schoolId : '');
    // Off the map: setStyle only sets the options the tiles draw with (redrawn above).
    layers.schools.eachLayer(l => l.setStyle({ opacity: !school || l.feature.properties.school_id === school ? 1 : 0.25,
      fillOpacity: !school || l.feature.properties.school_id === school ? 0.15 : 0.03 }));
    redrawTiles();
    showRouteList(state.runs || []);
    window.xiaocheMap.filter = Object.assign({}, f);
  }

  /** The filter's part for the detail layers (see updateDetail): arrows of the runs shown, riders, homes. */
  function filterDetail() {
    const f = state.filter;
    const any = f.school || f.bus || f.run;
    const culled = countySized();
    Object.entries(state.arrowLayers).forEach(([runId, arrows]) => {
      const visible = runMatches(state.runsById[runId]);
      arrows.forEach(a => { if (culled) a._xcMatch = visible; else show(layers.arrows, a, visible); });
    });
    (state.riderLayers || []).forEach(l => {
      const p = l.feature.properties;
      const run = state.runsById[p.run_id];
      const visible = !any || ((!f.school || p.school_id === f.school) && (!f.bus || (run && run.busId === f.bus))
        && (!f.run || riderOnRun(p, state.runsById[f.run])));
      if (culled) l._xcMatch = visible;
      else show(layers.riders, l, visible);
    });
    // A county's homes are styled as their cells are drawn (cull), not all 100,000 at each filter.
    if (!culled) (state.homeLayers || []).forEach(styleHome);
    state.detailFiltered = true;
    cull();
  }

  /**
   * Riders carry their morning run; for an afternoon run, the riders of its school at the stops it calls
   * at (the layer does not say which afternoon run takes whom).
   */
  function riderOnRun(p, run) {
    if (!run) return false;
    if (run.direction === 'AM') return p.run_id === run.runId;
    return run.schoolId === p.school_id && stopCalls({ arrival_times: state.stopById[p.stop_id] }).some(c => c.runId === run.runId);
  }

  function wireFilters() {
    ['school', 'bus', 'run'].forEach(name => {
      document.getElementById('filter-' + name).onchange = () => {
        state.filter[name] = value('filter-' + name);
        selectRun(state.filter.run || null, false);
        applyFilter();
      };
    });
    document.getElementById('filter-clear').onclick = () => {
      ['school', 'bus', 'run'].forEach(name => { document.getElementById('filter-' + name).value = ''; });
      state.filter = { school: '', bus: '', run: '' };
      selectRun(null, false);
      applyFilter();
    };
    const form = document.getElementById('search-form');
    form.addEventListener('submit', event => {
      event.preventDefault();
      showSearchResults(search(document.getElementById('search-input').value));
    });
  }

  /**
   * Schools, stops (name or id), buses and, for planners, students (id) whose name or id contains the
   * query; at most 20 hits, each with the layer to show.
   */
  function search(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const hits = [];
    const has = v => v != null && String(v).toLowerCase().includes(q);
    layers.schools.eachLayer(l => {
      const p = l.feature.properties;
      if (has(p.school_name) || has(p.school_id)) hits.push({ kind: 'school', label: p.school_name || p.school_id, layer: l });
    });
    (state.stopLayers || []).forEach(l => {
      const p = l.feature.properties;
      if (has(p.stop_name) || has(p.stop_id)) hits.push({ kind: 'stop', label: (p.stop_name || '') + ' (' + p.stop_id + ')', layer: l });
    });
    [...new Set(Object.values(state.runsById).map(r => r.busId))].filter(has).forEach(busId =>
      hits.push({ kind: 'bus', label: busId, bus: busId }));
    if (state.role === 'planner') {
      // Exact ids only (ids are short and alike); a rider first, else the home of the eligibility run.
      const seen = new Set();
      (state.riderLayers || []).concat(state.homeLayers || []).forEach(l => {
        const id = String(l.feature.properties.student_id);
        if (id.toLowerCase() === q && !seen.has(id)) {
          seen.add(id);
          hits.push({ kind: 'student', label: id, layer: l });
        }
      });
    }
    return hits.slice(0, 20);
  }

  function showSearchResults(hits) {
    const list = document.getElementById('search-results');
    list.innerHTML = '';
    if (hits.length === 0) {
      const li = document.createElement('li');
      li.textContent = Xiaoche.t('search.none');
      list.appendChild(li);
      return;
    }
    hits.forEach(hit => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.kind = hit.kind;
      button.textContent = Xiaoche.t('search.kind.' + hit.kind) + ' · ' + hit.label;
      button.onclick = () => showHit(hit);
      li.appendChild(button);
      list.appendChild(li);
    });
  }

  function showHit(hit) {
    if (hit.kind === 'bus') {
      document.getElementById('filter-bus').value = hit.bus;
      state.filter.bus = hit.bus;
      applyFilter();
      const bounds = L.latLngBounds([]);
      layers.routes.eachLayer(l => bounds.extend(l.getBounds()));
      if (bounds.isValid()) map.fitBounds(bounds, { maxZoom: 16 });
      return;
    }
    if (hit.kind === 'stop' || hit.kind === 'school') {
      // Drawn by the tiles: a stop the filters hid is drawn again.
      if (hit.kind === 'stop' && hit.layer._xcHidden) {
        showStop(hit.layer, true);
        redrawTiles();
      }
    } else {
      const group = (state.riderLayers || []).includes(hit.layer) ? layers.riders : layers.students;
      if (!group.hasLayer(hit.layer)) group.addLayer(hit.layer);
      // A home or rider opens at village scale, where its layer is drawn (see updateDetail).
      if (!map.hasLayer(group)) group.addTo(map);
    }
    map.setView(hit.layer.getLatLng(), Math.max(map.getZoom(), 15));
    hit.layer.openPopup();
    window.xiaocheMap.lastHit = hit.kind + ':' + hit.label;
  }

  function wireLayerToggles() {
    document.querySelectorAll('.layer-toggles input[data-layer]').forEach(box => {
      box.onchange = async () => {
        const names = box.dataset.layer === 'routes' ? ['routes', 'arrows'] : [box.dataset.layer];
        for (const n of names) {
          if (TILE_TOGGLES.includes(n)) {
            redrawTiles();
            continue;
          }
          if (box.checked && n in lazyLayers && !state.loaded[n]) {
            state.loaded[n] = true;
            layers[n].addData(await Xiaoche.api('/api/regions/' + regionId + lazyLayers[n]));
          }
          layerWanted(n) ? layers[n].addTo(map) : map.removeLayer(layers[n]);
        }
      };
    });
    if (state.role !== 'planner') {
      document.getElementById('layer-riders').closest('label').hidden = true;
      document.getElementById('layer-students').closest('label').hidden = true;
    }
  }

  /**
   * Runs a job for the roster on show with the settings of the form; without a roster, or with settings
   * that do not hold, says so instead of doing nothing.
   */
  async function startForRoster(button, request, onDone) {
    if (state.datasetId == null) {
      Xiaoche.showMessage(t('noRoster'));
      return;
    }
    Xiaoche.showMessage(null);
    const options = request();
    if (options == null) return;
    button.disabled = true;
    try {
      const job = await Xiaoche.api(options.path, options.init);
      const done = await Xiaoche.followJob(job.id);
      if (done.state === 'succeeded') await onDone(done.resultId);
    } catch (e) {
      Xiaoche.showError(e);
    } finally {
      button.disabled = false;
    }
  }

  function wirePlannerTools() {
    const eligibilityButton = document.getElementById('run-eligibility');
    eligibilityButton.hidden = false;
    eligibilityButton.onclick = () => startForRoster(eligibilityButton, () => {
      const walkThreshold_m = XiaochePlanSettings.walkThreshold();
      return walkThreshold_m == null ? null : { path: '/api/eligibility-runs', init: { method: 'POST',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ datasetId: state.datasetId, walkThreshold_m }) } };
    }, runId => loadRuns(runId));
    const planButton = document.getElementById('plan-run');
    planButton.hidden = false;
    // The fleet and policy go as the files an API client would upload, so they are checked the same way.
    planButton.onclick = () => startForRoster(planButton, () => {
      const settings = XiaochePlanSettings.values();
      if (settings == null) return null;
      const body = new FormData();
      body.append('datasetId', state.datasetId);
      body.append('fleet', new Blob([JSON.stringify(settings.fleet)], { type: 'application/json' }), 'fleet.json');
      body.append('policy', new Blob([JSON.stringify(settings.policy)], { type: 'application/json' }), 'policy.json');
      return { path: '/api/plans', init: { method: 'POST', body } };
    }, planId => loadPlans(planId));
    XiaochePlanSettings.init(map).catch(e => Xiaoche.showError(e));
    document.getElementById('dataset-delete').onclick = async () => {
      const d = state.datasets.find(x => x.id === state.datasetId);
      if (!d || !await Xiaoche.confirmAction(t('confirm.deleteRoster', d.name), t('deleteRoster'))) return;
      try {
        await Xiaoche.api('/api/datasets/' + d.id, { method: 'DELETE' });
        await loadDatasets();
        await showDataset(state.datasets.length === 0 ? null : state.datasets[state.datasets.length - 1].id);
      } catch (e) {
        Xiaoche.showError(e);
      }
    };
    document.getElementById('plan-delete').onclick = async () => {
      const planId = state.planId;
      if (planId == null || !await Xiaoche.confirmAction(t('confirm.deletePlan', planId), t('deletePlan'))) return;
      try {
        await Xiaoche.api('/api/plans/' + planId, { method: 'DELETE' });
        await loadPlans();
      } catch (e) {
        Xiaoche.showError(e);
      }
    };
    const form = document.getElementById('dataset-upload-form');
    form.hidden = false;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const out = document.getElementById('dataset-upload-result');
      out.innerHTML = '';
      try {
        // The files are read and stored by an import job: follow it, then show the roster or what was wrong.
        const job = await Xiaoche.api('/api/regions/' + regionId + '/datasets', { method: 'POST', body: new FormData(form) });
        const done = await Xiaoche.followJob(job.id);
        if (done.state === 'succeeded') {
          await loadDatasets();
          const d = state.datasets.find(x => x.id === done.resultId);
          out.textContent = T.accepted + ': ' + d.name + ' (' + d.schoolCount + ' / ' + d.studentCount + ')';
          // The new roster goes on show at once, with its (still empty) results.
          await showDataset(d.id);
        } else if (done.problems && done.problems.length > 0) {
          out.appendChild(Xiaoche.problemList({ message: t('rosterRejected', done.problems[0].file), body: done }));
        } else if (done.state === 'failed') {
          out.appendChild(Xiaoche.problemList({ message: done.message, body: done }));
        }
      } catch (e) {
        out.appendChild(Xiaoche.problemList(e));
      }
    });
  }

  /** The roster of the newest plan if there is one, else the newest roster. */
  async function initialDataset() {
    if (state.datasets == null || state.datasets.length === 0) return null;
    const plans = await Xiaoche.api('/api/plans?regionId=' + regionId);
    return plans.length > 0 ? plans[0].datasetId : state.datasets[state.datasets.length - 1].id;
  }

  (async function () {
    const me = await Xiaoche.api('/api/me');
    state.role = me.role;
    document.body.dataset.role = me.role;
    wireLayerToggles();
    const region = await Xiaoche.api('/api/regions/' + regionId);
    document.getElementById('region-name').textContent = region.name;
    if (region.bbox) {
      map.fitBounds(L.latLngBounds(L.latLng(region.bbox[1], region.bbox[0]), L.latLng(region.bbox[3], region.bbox[2])));
    } else {
      map.setView([37.5, 121.4], 10);
    }
    const roads = await Xiaoche.api('/api/regions/' + regionId + '/roads.geojson');
    // Minor roads first: the tiles draw in item order, so each style becomes one stroke per tile.
    roads.features.sort((a, b) => (b.properties.road_class === 'residential') - (a.properties.road_class === 'residential'));
    state.tileItems.roads = roads.features.map(f => {
      const style = f.properties.road_class === 'residential' ? ROAD_STYLES.minor : ROAD_STYLES.major;
      return { group: GROUP.roads, lines: f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [f.geometry.coordinates],
        style: () => style, shown: () => ticked('roads') };
    });
    setTileItems();
    showImportWarnings(region);
    if ((region.importWarnings || []).some(w => w.profile === 'school_bus')) {
      layers.droppedBusRoads.addData(await Xiaoche.api('/api/regions/' + regionId + '/dropped-bus-roads.geojson'));
    }
    wireFilters();
    await loadDatasets();
    await showDataset(await initialDataset());
    if (me.role === 'planner') wirePlannerTools();
    // For js/plan-edit.js: show another version of the plan, listed with the roster's plans.
    window.xiaocheMap.showPlanVersion = planId => loadPlans(String(planId));
    window.xiaocheMap.ready = true;
  })();
})();
