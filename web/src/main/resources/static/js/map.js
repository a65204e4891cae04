// The region map: roads, schools, students of an eligibility run, and a plan's stops, routes, riders,
// route list and timetables. Everything comes from /api, so what a role may not see never arrives.
(function () {
  'use strict';
  const T = window.XIAOCHE_TEXT;
  const STATUS_COLOURS = { walks: '#2e7d32', needs_transport: '#d84315', unreachable: '#6a1b9a' };
  const RIDER_COLOURS = { transported: '#1565c0', cap_infeasible: '#c62828', unserved: '#6a1b9a' };
  // Twelve well-separated colours; buses beyond that reuse them.
  const BUS_COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324',
    '#800000', '#469990', '#000075', '#808000'];
  const regionId = document.getElementById('map-page').dataset.regionId;

  // No tile layer by default: planners' machines may be offline, so the roads come from our own graph. Canvas
  // rendering keeps 100,000 circle markers smooth; only route arrows are DOM markers.
  const map = L.map('map', { preferCanvas: true });
  // A background tile layer only when the service is configured with one (xiaoche.map.tile-url).
  const tileUrl = document.getElementById('map-page').dataset.tileUrl;
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: document.getElementById('map-page').dataset.tileAttribution || '' }).addTo(map);
  }
  // Bus-usable and dropped roads sit in their own pane above the roads and below everything else.
  map.createPane('busRoads').style.zIndex = 390;
  const layers = {
    roads: L.geoJSON(null, { style: f => ({ color: '#90a4ae', weight: f.properties.road_class === 'residential' ? 1 : 2 }) }),
    busRoads: L.geoJSON(null, { pane: 'busRoads', style: () => ({ color: '#00897b', weight: 3, opacity: 0.8 }),
      onEachFeature: (f, l) => l.bindTooltip(esc(roadLabel(f.properties))) }),
    droppedBusRoads: L.geoJSON(null, { pane: 'busRoads', style: () => ({ color: '#ff6f00', weight: 4, opacity: 0.9, dashArray: '6 4' }),
      onEachFeature: (f, l) => l.bindTooltip(esc(roadLabel(f.properties))) }),
    students: L.geoJSON(null, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 3, weight: 1,
      color: STATUS_COLOURS[f.properties.status] || '#555', fillOpacity: 0.6 }) }),
    riders: L.geoJSON(null, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 4, weight: 1,
      color: RIDER_COLOURS[f.properties.status] || '#555', fillOpacity: 0.8 }), onEachFeature: (f, l) => l.bindPopup(() => riderPopup(f.properties)) }),
    routes: L.geoJSON(null, { style: f => ({ color: busColour(f.properties.bus_id), weight: 4, opacity: 0.85,
      dashArray: f.properties.direction === 'PM' ? '8 6' : null }), onEachFeature: (f, l) => l.bindPopup(() => routePopup(f.properties)) }),
    arrows: L.layerGroup(),
    stops: L.geoJSON(null, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 5, weight: 2, color: '#000', fillColor: '#fff', fillOpacity: 1 }),
      onEachFeature: (f, l) => l.bindPopup(() => stopPopup(f.properties)) }),
    schools: L.geoJSON(null, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 8, color: '#0d47a1', fillOpacity: 0.9 })
      .bindTooltip(esc(f.properties.school_name || f.properties.school_id)) })
  };
  // The bus-usable network is as large as the road network: fetched when first switched on.
  const lazyLayers = { busRoads: '/bus-roads.geojson' };
  Object.entries(layers).filter(([name]) => !(name in lazyLayers)).forEach(([, l]) => l.addTo(map));
  const state = { role: null, schoolNames: {}, busIndex: {}, planId: null, runLayers: {}, loaded: {} };
  // Hook for browser tests: the layers, and the plan on show once it is fully drawn.
  window.xiaocheMap = { map, layers, state };

  function busColour(busId) {
    if (!(busId in state.busIndex)) state.busIndex[busId] = Object.keys(state.busIndex).length;
    return BUS_COLOURS[state.busIndex[busId] % BUS_COLOURS.length];
  }

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
    return rows([[T.student, p.student_id], [T.school, schoolName(p.school_id)], [T.walk, p.walk_to_stop_m == null ? null : Math.round(p.walk_to_stop_m)],
      [T.stop, p.stop_id], [T.pickup, p.pickup_time], ['', p.status === 'transported' ? '' : p.reason]]);
  }

  function stopPopup(p) {
    // Operators get no "students" property at all, so the row is left out.
    return rows([[T.stopName, p.stop_name], [T.stop, p.stop_id], [T.road, p.road_name === p.stop_name ? null : p.road_name],
      [T.students, p.students], [T.times, p.arrival_times]]);
  }

  function routePopup(p) {
    return rows([[T.bus, p.bus_id + ' · ' + (p.direction === 'AM' ? T.am : T.pm)], [T.school, schoolName(p.school_id)],
      [T.type, p.bus_type], [T.seatsUsed, p.students == null ? null : p.students + ' / ' + p.seats], [T.seats, p.students == null ? p.seats : null],
      [T.length, p.length_km], [T.start, p.start_time], [T.end, p.end_time]]);
  }

  function roadLabel(p) {
    return (p.road_name ? p.road_name + ' · ' : '') + roadClassName(p.road_class);
  }

  function roadClassName(roadClass) {
    return T.roadClasses[roadClass] || roadClass;
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

  /** Small arrowheads a quarter, half and three quarters along a run, pointing the way the bus drives. */
  function addArrows(feature, colour) {
    const ll = feature.geometry.coordinates.map(c => L.latLng(c[1], c[0]));
    if (ll.length < 2) return;
    const pts = ll.map(p => map.options.crs.project(p));
    const cumulative = [0];
    for (let i = 1; i < pts.length; i++) cumulative.push(cumulative[i - 1] + pts[i].distanceTo(pts[i - 1]));
    const total = cumulative[cumulative.length - 1];
    if (total === 0) return;
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
      L.marker(at, { icon, interactive: false, keyboard: false }).addTo(layers.arrows);
    });
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
    await loadSchools(run.datasetId);
    layers.students.clearLayers();
    if (state.role === 'planner') {
      layers.students.addData(await Xiaoche.api('/api/eligibility-runs/' + runId + '/students.geojson'));
    } else {
      document.getElementById('students-hidden').hidden = false;
    }
    layers.schools.bringToFront();   // schools stay clickable above the crowd of homes
  }

  async function loadRuns(selectId) {
    const select = document.getElementById('run-select');
    const runs = state.role === 'planner' || state.role === 'viewer' ? await Xiaoche.api('/api/eligibility-runs?regionId=' + regionId) : [];
    select.innerHTML = '';
    runs.forEach(r => {
      const option = document.createElement('option');
      option.value = r.id;
      option.textContent = '#' + r.id + ' · ' + T.dataset + ' ' + r.datasetId + ' · ' + new Date(r.createdAt).toLocaleString();
      select.appendChild(option);
    });
    document.getElementById('no-run').hidden = runs.length > 0;
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
    badge.title = plan.validatorVerdict + ' · ' + plan.coverageVerdict;
    const dl = document.getElementById('plan-summary');
    dl.innerHTML = '';
    const reasons = Object.entries(plan.unservedByReason || {}).map(([code, n]) => [T.unservedReasons[code] || code, n]);
    [[T.buses, plan.buses], [T.shortfall, plan.busesBeyondFleet], [T.runs, plan.runs], [T.stops, plan.stops],
      [T.busKm, plan.busKmPerDay], [T.transported, plan.transported], [T.unserved, plan.unserved], ...reasons,
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

  function showRouteList(runs) {
    const tbody = document.querySelector('#route-list tbody');
    tbody.innerHTML = '';
    runs.forEach(r => {
      const tr = document.createElement('tr');
      tr.dataset.runId = r.runId;
      const swatch = cell(tr, r.busId);
      swatch.style.borderLeft = '6px solid ' + busColour(r.busId);
      [r.busType, r.direction === 'AM' ? T.am : T.pm, schoolName(r.schoolId),
        r.students == null ? r.seats : r.students + ' / ' + r.seats, r.start, r.end, r.length_km].forEach(v => cell(tr, v));
      tr.onclick = () => showTimetable(r.runId);
      tbody.appendChild(tr);
    });
  }

  async function showTimetable(runId) {
    const t = await Xiaoche.api('/api/plans/' + state.planId + '/runs/' + encodeURIComponent(runId) + '/timetable');
    document.querySelectorAll('#route-list tr.selected').forEach(tr => tr.classList.remove('selected'));
    const row = document.querySelector('#route-list tr[data-run-id="' + CSS.escape(runId) + '"]');
    if (row) row.classList.add('selected');
    document.getElementById('timetable-caption').textContent = t.busId + ' · ' + t.runId + ' · ' + t.busType
      + ' · ' + schoolName(t.schoolId) + ' · ' + t.length_km + ' km';
    const table = document.getElementById('timetable');
    table.dataset.runId = t.runId;
    table.classList.toggle('no-counts', t.students == null);
    const tbody = table.querySelector('tbody');
    tbody.innerHTML = '';
    t.stops.forEach(s => {
      const tr = document.createElement('tr');
      [s.seq, s.kind === 'school' ? schoolName(s.placeId) : (s.name ? s.name + ' (' + s.placeId + ')' : s.placeId),
        s.arrival, s.departure].forEach(v => cell(tr, v));
      cell(tr, s.boarding).className = 'counts';
      cell(tr, s.alighting).className = 'counts';
      tbody.appendChild(tr);
    });
    const layer = state.runLayers[runId];
    if (layer) {
      layer.setStyle({ weight: 8 });
      setTimeout(() => layer.setStyle({ weight: 4 }), 1500);
    }
  }

  async function showPlan(planId) {
    state.planId = planId;
    window.xiaocheMap.shownPlanId = null;
    const plan = await Xiaoche.api('/api/plans/' + planId);
    showPlanSummary(plan);
    if (Object.keys(state.schoolNames).length === 0) await loadSchools(plan.datasetId);
    const [stops, routes, runs] = await Promise.all([
      Xiaoche.api('/api/plans/' + planId + '/stops.geojson'),
      Xiaoche.api('/api/plans/' + planId + '/routes.geojson'),
      Xiaoche.api('/api/plans/' + planId + '/runs')]);
    state.busIndex = {};
    runs.forEach(r => busColour(r.busId));
    layers.stops.clearLayers().addData(stops);
    layers.routes.clearLayers().addData(routes);
    layers.arrows.clearLayers();
    state.runLayers = {};
    layers.routes.eachLayer(l => {
      state.runLayers[l.feature.properties.run_id] = l;
      addArrows(l.feature, busColour(l.feature.properties.bus_id));
    });
    layers.riders.clearLayers();
    if (state.role === 'planner') {
      layers.riders.addData(await Xiaoche.api('/api/plans/' + planId + '/students.geojson'));
    }
    showRouteList(runs);
    layers.stops.bringToFront();
    layers.schools.bringToFront();
    window.xiaocheMap.shownPlanId = String(planId);
    // For the page's other panels (js/adoption.js).
    document.dispatchEvent(new CustomEvent('xiaoche:plan-shown', { detail: { planId: String(planId) } }));
  }

  async function loadPlans(selectId) {
    const select = document.getElementById('plan-select');
    const plans = state.role === 'admin' ? [] : await Xiaoche.api('/api/plans?regionId=' + regionId);
    select.innerHTML = '';
    plans.forEach(p => {
      const option = document.createElement('option');
      option.value = p.id;
      option.textContent = '#' + p.id + ' · ' + verdict(p).headline + ' · ' + new Date(p.createdAt).toLocaleString();
      select.appendChild(option);
    });
    document.getElementById('no-plan').hidden = plans.length > 0;
    if (plans.length > 0) {
      select.value = selectId || plans[0].id;
      await showPlan(select.value);
    }
    select.onchange = () => showPlan(select.value);
    return plans;
  }

  function wireLayerToggles() {
    document.querySelectorAll('.layer-toggles input[data-layer]').forEach(box => {
      box.onchange = async () => {
        const names = box.dataset.layer === 'routes' ? ['routes', 'arrows'] : [box.dataset.layer];
        for (const n of names) {
          if (box.checked && n in lazyLayers && !state.loaded[n]) {
            state.loaded[n] = true;
            layers[n].addData(await Xiaoche.api('/api/regions/' + regionId + lazyLayers[n]));
          }
          box.checked ? layers[n].addTo(map) : map.removeLayer(layers[n]);
        }
      };
    });
    if (state.role !== 'planner') {
      document.getElementById('layer-riders').closest('label').hidden = true;
      document.getElementById('layer-students').closest('label').hidden = true;
    }
  }

  async function latestDatasetId() {
    const datasets = await Xiaoche.api('/api/regions/' + regionId + '/datasets');
    return datasets.length === 0 ? null : datasets[datasets.length - 1].id;
  }

  function wirePlannerTools() {
    const eligibilityButton = document.getElementById('run-eligibility');
    eligibilityButton.hidden = false;
    eligibilityButton.onclick = async () => {
      const datasetId = await latestDatasetId();
      if (datasetId == null) return;
      const job = await Xiaoche.api('/api/eligibility-runs', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ datasetId }) });
      const done = await Xiaoche.followJob(job.id);
      if (done.state === 'succeeded') await loadRuns(done.resultId);
    };
    const planButton = document.getElementById('plan-run');
    planButton.hidden = false;
    planButton.onclick = async () => {
      const datasetId = await latestDatasetId();
      if (datasetId == null) return;
      planButton.disabled = true;
      try {
        const job = await Xiaoche.api('/api/plans', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ datasetId }) });
        const done = await Xiaoche.followJob(job.id);
        if (done.state === 'succeeded') await loadPlans(done.resultId);
      } finally {
        planButton.disabled = false;
      }
    };
    const form = document.getElementById('dataset-upload-form');
    form.hidden = false;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const out = document.getElementById('dataset-upload-result');
      out.innerHTML = '';
      try {
        const d = await Xiaoche.api('/api/regions/' + regionId + '/datasets', { method: 'POST', body: new FormData(form) });
        out.textContent = T.accepted + ': ' + d.name + ' (' + d.schoolCount + ' / ' + d.studentCount + ')';
      } catch (e) {
        out.appendChild(Xiaoche.problemList(e));
      }
    });
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
    layers.roads.addData(await Xiaoche.api('/api/regions/' + regionId + '/roads.geojson'));
    showImportWarnings(region);
    if ((region.importWarnings || []).some(w => w.profile === 'school_bus')) {
      layers.droppedBusRoads.addData(await Xiaoche.api('/api/regions/' + regionId + '/dropped-bus-roads.geojson'));
    }
    await loadRuns();
    await loadPlans();
    if (me.role === 'planner') wirePlannerTools();
    window.xiaocheMap.ready = true;
  })();
})();
