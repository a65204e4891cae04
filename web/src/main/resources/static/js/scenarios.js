// The scenario page: build a scenario on the map (click a school: close it, choose its receiving school or
// "nearest"), run it with progress, and compare it with its baseline: warnings first, the numbers with their
// differences, journey-time histograms per grade band, cost bars, and for planners the moved students and new
// routes. Everything comes from /api, so what a role may not see never arrives.
(function () {
  'use strict';
  const T = window.XIAOCHE_TEXT;
  const SVG = 'http://www.w3.org/2000/svg';
  const PLAN_COLOURS = ['#78909c', '#d84315', '#1565c0', '#6a1b9a', '#2e7d32', '#f9a825'];
  const COST_COLOURS = { buses: '#1565c0', km: '#00897b', chaperones: '#f9a825' };
  const FIGURES = [
    ['needingTransport', f => f.needingTransport, d => d.needingTransport],
    ['walkers', f => f.walkers, d => d.walkers],
    ['unserved', f => f.unserved, d => d.unserved],
    ['buses', f => f.buses, d => d.buses],
    ['runs', f => f.runs, d => d.runs],
    ['busKmPerDay', f => f.busKmPerDay, d => d.busKmPerDay],
    ['yearlyCost', f => f.yearlyCost, d => d.yearlyCost],
    ['journeyMean', f => minutes(f.journeys.mean_s), d => minutes(d.journeyMean_s)],
    ['journeyP50', f => minutes(f.journeys.p50_s), d => minutes(d.journeyP50_s)],
    ['journeyP90', f => minutes(f.journeys.p90_s), d => minutes(d.journeyP90_s)],
    ['journeyMax', f => minutes(f.journeys.max_s), d => minutes(d.journeyMax_s)],
    ['overRideCap', f => f.overRideCap, d => d.overRideCap],
    ['youngOverJourneyCap', f => f.youngOverJourneyCap, d => d.youngOverJourneyCap],
    ['boardingCandidates', f => f.boardingCandidates, d => d.boardingCandidates]];
  const page = document.getElementById('scenario-page');
  const regionId = page.dataset.regionId;
  const state = { role: null, plans: [], baselineId: null, schools: {}, closures: new Map(), selected: null, scenarios: [] };

  const map = L.map('map', { preferCanvas: true, zoomControl: false });
  // Leaflet's own controls speak English: their titles come from the bundles, as on the map page.
  L.control.zoom({ zoomInTitle: Xiaoche.t('zoomIn'), zoomOutTitle: Xiaoche.t('zoomOut') }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  const layers = {
    roads: L.geoJSON(null, { style: () => ({ color: '#90a4ae', weight: 1.5 }) }).addTo(map),
    routes: L.geoJSON(null, { style: f => ({ color: '#d84315', weight: 4, opacity: 0.8,
      dashArray: f.properties.direction === 'PM' ? '8 6' : null }) }).addTo(map),
    affected: L.geoJSON(null, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 4, weight: 1, color: '#6a1b9a', fillOpacity: 0.8 })
      .bindTooltip(() => text('scenarios.affected.student') + ' ' + esc(f.properties.student_id) + ' · '
        + esc(schoolName(f.properties.from_school_id)) + ' → ' + esc(schoolName(f.properties.to_school_id))) }).addTo(map),
    schools: L.geoJSON(null, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 8, weight: 2, color: '#0d47a1', fillOpacity: 0.9 })
      .bindTooltip(esc(f.properties.school_name || f.properties.school_id)), onEachFeature: (f, l) => l.on('click', () => choose(f.properties.school_id)) }).addTo(map)
  };

  function text(key) {
    return T[key] || key;
  }

  function format(key, args) {
    return text(key).replace(/\{(\d)\}/g, (m, i) => (args[i] === undefined || args[i] === null ? '' : String(args[i])));
  }

  /** Escapes user text for Leaflet tooltips, which take HTML. */
  function esc(s) {
    return String(s === undefined || s === null ? '' : s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function minutes(s) {
    return s === null || s === undefined ? null : Math.round(s / 6) / 10;
  }

  function schoolName(id) {
    const s = state.schools[id];
    return s ? (s.school_name || id) : id;
  }

  function el(tag, attrs, content) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (content !== undefined) e.textContent = content;
    return e;
  }

  function svg(tag, attrs, content) {
    const e = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (content !== undefined) e.textContent = content;
    return e;
  }

  function showError(e) {
    const box = document.getElementById('scenario-error');
    box.hidden = false;
    box.innerHTML = '';
    box.appendChild(document.createTextNode(text('scenarios.error') + ' '));
    box.appendChild(Xiaoche.problemList(e));
  }

  function clearError() {
    document.getElementById('scenario-error').hidden = true;
  }

  // ---- building a scenario ----

  function choose(schoolId) {
    if (state.role !== 'planner') return;
    state.selected = schoolId;
    document.getElementById('school-choice').hidden = false;
    document.getElementById('school-choice-name').textContent = schoolName(schoolId);
    document.getElementById('school-close').disabled = state.closures.has(schoolId);
    document.getElementById('school-keep').disabled = !state.closures.has(schoolId);
  }

  function renderClosures() {
    const body = document.querySelector('#closure-list tbody');
    body.innerHTML = '';
    document.getElementById('no-closures').hidden = state.closures.size > 0;
    state.closures.forEach((receiving, schoolId) => {
      const tr = el('tr', { 'data-school-id': schoolId });
      tr.appendChild(el('td', {}, schoolName(schoolId)));
      const select = el('select', { 'class': 'receiving-select', 'aria-label': text('scenarios.receiving') });
      select.appendChild(el('option', { value: '' }, text('scenarios.nearest')));
      Object.keys(state.schools).sort().filter(id => !state.closures.has(id)).forEach(id =>
        select.appendChild(el('option', { value: id }, schoolName(id))));
      select.value = receiving;
      select.onchange = () => state.closures.set(schoolId, select.value);
      const cell = el('td');
      cell.appendChild(select);
      tr.appendChild(cell);
      const remove = el('button', { type: 'button' }, text('scenarios.remove'));
      remove.onclick = () => { state.closures.delete(schoolId); renderClosures(); };
      const last = el('td');
      last.appendChild(remove);
      tr.appendChild(last);
      body.appendChild(tr);
    });
    layers.schools.eachLayer(l => l.setStyle({ color: state.closures.has(l.feature.properties.school_id) ? '#b71c1c' : '#0d47a1',
      fillColor: state.closures.has(l.feature.properties.school_id) ? '#ef9a9a' : '#0d47a1' }));
  }

  async function saveAndRun() {
    clearError();
    const cap = document.getElementById('young-cap-min').value;
    const body = {
      name: document.getElementById('scenario-name').value.trim(),
      baselinePlanId: Number(state.baselineId),
      closures: [...state.closures].map(([schoolId, to]) => ({ schoolId, receivingSchoolId: to || null })),
      policy: cap ? { journeyCapGrades1to3_s: Number(cap) * 60 } : null
    };
    try {
      const created = await Xiaoche.api('/api/scenarios', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body) });
      await run(created.id);
    } catch (e) {
      showError(e);
    }
  }

  async function run(id) {
    clearError();
    try {
      const job = await Xiaoche.api('/api/scenarios/' + id + '/run', { method: 'POST' });
      const done = await Xiaoche.followJob(job.id);
      await loadScenarios();
      if (done.state === 'succeeded') await compare([id]);
    } catch (e) {
      showError(e);
    }
  }

  // ---- the list of scenarios ----

  async function loadScenarios() {
    state.scenarios = await Xiaoche.api('/api/scenarios?planId=' + state.baselineId);
    const body = document.querySelector('#scenario-list tbody');
    body.innerHTML = '';
    document.getElementById('no-scenarios').hidden = state.scenarios.length > 0;
    state.scenarios.forEach(s => {
      const tr = el('tr', { 'data-scenario-id': s.id, 'data-state': s.state });
      const check = el('input', { type: 'checkbox', 'class': 'compare-check', value: s.id });
      check.disabled = s.state !== 'done';
      const first = el('td');
      first.appendChild(check);
      tr.appendChild(first);
      tr.appendChild(el('td', {}, s.name));
      tr.appendChild(el('td', {}, text('scenarios.state.' + s.state)));
      const verdict = s.feasible === null ? '' : text(s.feasible ? 'scenarios.feasible' : 'scenarios.infeasible');
      tr.appendChild(el('td', { 'class': s.feasible === false ? 'verdict-infeasible' : 'verdict-feasible' }, verdict));
      const actions = el('td');
      if (s.state === 'done') actions.appendChild(button('scenarios.open', 'open', () => compare([s.id])));
      if (state.role === 'planner') {
        actions.appendChild(button('scenarios.run', 'run', () => run(s.id)));
        actions.appendChild(button('scenarios.delete', 'delete', async () => {
          await Xiaoche.api('/api/scenarios/' + s.id, { method: 'DELETE' }).catch(showError);
          await loadScenarios();
        }));
      }
      tr.appendChild(actions);
      body.appendChild(tr);
    });
  }

  function button(key, name, onclick) {
    const b = el('button', { type: 'button', 'data-action': name }, text(key));
    b.onclick = onclick;
    return b;
  }

  // ---- the comparison ----

  async function compare(ids) {
    clearError();
    try {
      const view = await Xiaoche.api('/api/scenarios/comparison?ids=' + ids.join(','));
      const histograms = await Promise.all(ids.map(id => Xiaoche.api('/api/scenarios/' + id + '/histograms')));
      document.getElementById('comparison').hidden = false;
      renderWarnings(view.warnings);
      renderTable(view.comparison);
      renderHistograms(view.comparison, histograms);
      renderCosts(view.comparison);
      document.getElementById('report-link').href = '/api/scenarios/' + ids[0] + '/report.pdf';
      await showOnMap(ids);
      page.dataset.comparedIds = ids.join(',');
    } catch (e) {
      showError(e);
    }
  }

  function renderWarnings(warnings) {
    const list = document.getElementById('scenario-warnings');
    list.innerHTML = '';
    if (warnings.length === 0) list.appendChild(el('li', { 'class': 'none' }, text('scenarios.noWarnings')));
    warnings.forEach(w => list.appendChild(el('li', { 'data-kind': w.kind, 'class': w.schoolId ? 'school' : 'verdict' },
      w.scenario + ' · ' + format('scenario.warning.' + w.kind.toLowerCase(), [w.count, w.schoolName, w.available]))));
  }

  function renderTable(c) {
    const head = document.querySelector('#comparison-table thead');
    const body = document.querySelector('#comparison-table tbody');
    head.innerHTML = '';
    body.innerHTML = '';
    const hr = el('tr');
    hr.appendChild(el('th', {}, text('scenarios.figure')));
    hr.appendChild(el('th', {}, text('scenarios.baselineColumn')));
    c.scenarios.forEach(s => {
      hr.appendChild(el('th', {}, s.name));
      hr.appendChild(el('th', {}, text('scenarios.difference')));
    });
    head.appendChild(hr);
    FIGURES.forEach(([key, value, diff]) => {
      const tr = el('tr', { 'data-figure': key });
      tr.appendChild(el('td', {}, text('scenarios.fig.' + key)));
      tr.appendChild(el('td', {}, show(value(c.baseline))));
      c.scenarios.forEach(s => {
        tr.appendChild(el('td', {}, show(value(s.figures))));
        const d = diff(s.differences);
        const better = key === 'walkers' ? d > 0 : d < 0;
        tr.appendChild(el('td', { 'class': d === 0 || d === null ? '' : (better ? 'better' : 'worse') },
          d === null ? '—' : (d > 0 ? '+' : '') + show(d)));
      });
      body.appendChild(tr);
    });
  }

  function show(v) {
    return v === null || v === undefined ? '—' : (Number.isInteger(v) ? String(v) : v.toFixed(1));
  }

  /** One chart per grade band: the baseline's bars and each scenario's side by side in every bin. */
  function renderHistograms(c, histograms) {
    const box = document.getElementById('histograms');
    box.innerHTML = '';
    const bands = [...new Set(histograms.flatMap(h => Object.keys(h.bands)))].sort();
    bands.forEach(band => {
      const series = [histograms[0].bands[band] ? histograms[0].bands[band].baseline : []]
        .concat(histograms.map(h => (h.bands[band] ? h.bands[band].scenario : [])));
      const bins = Math.max(...series.map(s => s.length));
      const top = Math.max(1, ...series.flat());
      const W = 300, H = 150, left = 28, bottom = 22, width = (W - left - 6) / bins;
      const chart = svg('svg', { width: W, height: H + 18, 'class': 'histogram', 'data-band': band, role: 'img' });
      chart.appendChild(svg('text', { x: left, y: 12 }, format('scenarios.histogram.band', [band])));
      for (let b = 0; b < bins; b++) {
        series.forEach((s, i) => {
          const n = s[b] || 0;
          const h = (H - bottom - 18) * n / top;
          const bar = svg('rect', { x: left + b * width + i * width / series.length, y: H - bottom - h,
            width: Math.max(1, width / series.length - 1), height: h, fill: PLAN_COLOURS[i % PLAN_COLOURS.length], 'data-count': n });
          bar.appendChild(svg('title', {}, (i === 0 ? text('scenarios.baselineColumn') : c.scenarios[i - 1].name) + ': ' + n));
          chart.appendChild(bar);
        });
        if (b % 2 === 0) {
          const from = b * histograms[0].binMinutes;
          chart.appendChild(svg('text', { x: left + b * width, y: H - bottom + 12 },
            from >= histograms[0].lastBinFromMinutes ? from + '+' : String(from)));
        }
      }
      chart.appendChild(svg('text', { x: W - 40, y: H }, text('scenarios.histogram.axis')));
      chart.appendChild(svg('text', { x: 2, y: 30 }, String(top)));
      chart.appendChild(svg('line', { x1: left, y1: H - bottom, x2: W - 6, y2: H - bottom, stroke: '#555' }));
      box.appendChild(chart);
    });
  }

  /** One stacked bar per plan: buses, kilometres and chaperones per year. */
  function renderCosts(c) {
    const box = document.getElementById('cost-bars');
    box.innerHTML = '';
    const plans = [{ name: text('scenarios.baselineColumn'), f: c.baseline }].concat(c.scenarios.map(s => ({ name: s.name, f: s.figures })));
    const top = Math.max(1, ...plans.map(p => p.f.yearlyCost));
    const W = 520, row = 26, left = 150;
    const chart = svg('svg', { width: W, height: row * plans.length + 30, id: 'cost-chart' });
    plans.forEach((p, i) => {
      const y = 8 + i * row;
      chart.appendChild(svg('text', { x: 2, y: y + 14 }, p.name.length > 22 ? p.name.slice(0, 21) + '…' : p.name));
      let x = left;
      ['buses', 'km', 'chaperones'].forEach(part => {
        const w = (W - left - 80) * p.f.dailyCost[part] * p.f.schoolDaysPerYear / top;
        const rect = svg('rect', { x, y, width: Math.max(0, w), height: row - 8, fill: COST_COLOURS[part], 'data-part': part });
        rect.appendChild(svg('title', {}, text('scenarios.cost.' + part) + ': '
          + Math.round(p.f.dailyCost[part] * p.f.schoolDaysPerYear).toLocaleString()));
        chart.appendChild(rect);
        x += w;
      });
      chart.appendChild(svg('text', { x: x + 4, y: y + 14 }, Math.round(p.f.yearlyCost).toLocaleString()));
    });
    let lx = left;
    ['buses', 'km', 'chaperones'].forEach(part => {
      const y = 8 + plans.length * row;
      chart.appendChild(svg('rect', { x: lx, y, width: 10, height: 10, fill: COST_COLOURS[part] }));
      chart.appendChild(svg('text', { x: lx + 14, y: y + 9 }, text('scenarios.cost.' + part)));
      lx += 90;
    });
    box.appendChild(chart);
  }

  /** The scenarios' new routes; for planners also the students they moved, at home. */
  async function showOnMap(ids) {
    layers.routes.clearLayers();
    layers.affected.clearLayers();
    for (const id of ids) {
      const s = state.scenarios.find(x => x.id === id) || await Xiaoche.api('/api/scenarios/' + id);
      if (s.planId) layers.routes.addData(await Xiaoche.api('/api/plans/' + s.planId + '/routes.geojson'));
      if (state.role === 'planner') layers.affected.addData(await Xiaoche.api('/api/scenarios/' + id + '/affected.geojson'));
    }
    layers.schools.bringToFront();
  }

  // ---- the layout optimisation ----

  async function loadLayouts() {
    const runs = await Xiaoche.api('/api/layouts?planId=' + state.baselineId);
    const box = document.getElementById('pareto');
    box.innerHTML = '';
    const run = runs.find(r => r.state === 'done');
    document.getElementById('layout-state').textContent = runs.length && runs[0].state !== 'done'
      ? text('scenarios.state.' + runs[0].state) : '';
    if (!run) {
      box.appendChild(el('p', {}, text('scenarios.pareto.none')));
      return;
    }
    if (run.result.options === 0) {
      // Every candidate lacked a receiving school (receivers are never candidates themselves).
      box.appendChild(el('p', { id: 'pareto-no-options' }, text('scenarios.pareto.noOptions')));
      return;
    }
    const points = run.result.points;
    const W = 420, H = 260, left = 60, bottom = 40, top = 14, right = 14;
    const xs = points.map(p => p.yearlyCost), ys = points.map(p => p.meanJourney_s / 60);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const sx = v => left + (x1 === x0 ? 0.5 : (v - x0) / (x1 - x0)) * (W - left - right);
    const sy = v => H - bottom - (y1 === y0 ? 0.5 : (v - y0) / (y1 - y0)) * (H - bottom - top);
    const chart = svg('svg', { width: W, height: H, id: 'pareto-chart', 'data-layout-id': run.id });
    chart.appendChild(svg('line', { x1: left, y1: H - bottom, x2: W - right, y2: H - bottom, stroke: '#555' }));
    chart.appendChild(svg('line', { x1: left, y1: top, x2: left, y2: H - bottom, stroke: '#555' }));
    chart.appendChild(svg('text', { x: left, y: H - 8 }, text('scenarios.pareto.x') + ' ' + Math.round(x0).toLocaleString()
      + ' – ' + Math.round(x1).toLocaleString()));
    chart.appendChild(svg('text', { x: 2, y: top + 4 }, text('scenarios.pareto.y')));
    chart.appendChild(svg('text', { x: 2, y: H - bottom }, y0.toFixed(1)));
    chart.appendChild(svg('text', { x: 2, y: top + 18 }, y1.toFixed(1)));
    points.forEach((p, i) => {
      const dot = svg('circle', { cx: sx(p.yearlyCost), cy: sy(p.meanJourney_s / 60), r: 7, 'class': 'pareto-point',
        fill: p.feasible ? '#1565c0' : '#fff', stroke: p.feasible ? '#1565c0' : '#b71c1c', 'stroke-width': 2,
        'data-scenario-id': p.scenarioId === null ? '' : p.scenarioId, 'data-feasible': p.feasible });
      const label = p.key === '' ? text('scenarios.baselineColumn') : Object.keys(p.closures).map(schoolName).join('、');
      dot.appendChild(svg('title', {}, format('scenarios.pareto.point', [label, Math.round(p.yearlyCost).toLocaleString(),
        (p.meanJourney_s / 60).toFixed(1), (p.p90Journey_s / 60).toFixed(1)])));
      if (p.scenarioId !== null) {
        dot.style.cursor = 'pointer';
        dot.addEventListener('click', async () => { await loadScenarios(); await compare([p.scenarioId]); });
      }
      chart.appendChild(dot);
    });
    box.appendChild(chart);
  }

  async function runLayout() {
    clearError();
    try {
      const run = await Xiaoche.api('/api/layouts', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ baselinePlanId: Number(state.baselineId) }) });
      await Xiaoche.followJob(run.jobId);
      await loadScenarios();
      await loadLayouts();
    } catch (e) {
      showError(e);
    }
  }

  // ---- start ----

  async function loadBaseline(planId) {
    state.baselineId = planId;
    state.closures.clear();
    const plan = state.plans.find(p => String(p.id) === String(planId));
    const schools = await Xiaoche.api('/api/datasets/' + plan.datasetId + '/schools.geojson');
    state.schools = {};
    schools.features.forEach(f => { state.schools[f.properties.school_id] = f.properties; });
    layers.schools.clearLayers();
    layers.schools.addData(schools);
    renderClosures();
    await loadScenarios();
    await loadLayouts();
  }

  async function init() {
    const me = await Xiaoche.api('/api/me');
    state.role = me.role;
    document.body.dataset.role = me.role;
    const roads = await Xiaoche.api('/api/regions/' + regionId + '/roads.geojson');
    layers.roads.addData(roads);
    const region = await Xiaoche.api('/api/regions/' + regionId);
    if (region.bbox) map.fitBounds([[region.bbox[1], region.bbox[0]], [region.bbox[3], region.bbox[2]]]);
    else map.setView([0, 0], 2);
    state.plans = await Xiaoche.api('/api/plans?regionId=' + regionId);
    const select = document.getElementById('baseline-select');
    state.plans.forEach(p => select.appendChild(el('option', { value: p.id }, '#' + p.id + ' · ' + Xiaoche.when(p.createdAt))));
    document.getElementById('no-baseline').hidden = state.plans.length > 0;
    document.getElementById('builder').hidden = state.role !== 'planner' || state.plans.length === 0;
    document.getElementById('school-close').onclick = () => { state.closures.set(state.selected, ''); renderClosures(); choose(state.selected); };
    document.getElementById('school-keep').onclick = () => { state.closures.delete(state.selected); renderClosures(); choose(state.selected); };
    document.getElementById('scenario-save-run').onclick = saveAndRun;
    document.getElementById('layout-run').hidden = state.role !== 'planner' || state.plans.length === 0;
    document.getElementById('layout-run').onclick = runLayout;
    document.getElementById('compare-checked').onclick = () => {
      const ids = [...document.querySelectorAll('.compare-check:checked')].map(c => Number(c.value));
      if (ids.length) compare(ids);
    };
    select.onchange = () => loadBaseline(select.value).catch(showError);
    if (state.plans.length > 0) await loadBaseline(select.value);
    page.dataset.ready = 'true';
  }

  // For tests and the console: the map, its layers and the page's state.
  window.xiaocheScenarios = { map, layers, state };

  init().catch(showError);
})();
