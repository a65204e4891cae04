// The shown plan's summary (templates/plan-summary.html): the per-school table (sortable by any column), the
// morning ride times per grade band and the seats used per run as plain SVG charts, and for planners the
// lists of unserved and cap-infeasible students to download. Planners and viewers only: operators get no counts.
(function () {
  'use strict';

  const panel = document.getElementById('plan-summary-panel');
  if (!panel) return;
  const t = Xiaoche.t;
  const SVG_NS = 'http://www.w3.org/2000/svg';
  // Columns of the school table: the summary's field, its heading, and how a cell shows it.
  const COLUMNS = [
    ['schoolName', 'school', 'text'], ['students', 'students', 'count'], ['walkers', 'walkers', 'count'],
    ['needingTransport', 'needingTransport', 'count'], ['served', 'served', 'count'],
    ['capInfeasible', 'capInfeasible', 'count'], ['unserved', 'unserved', 'count'], ['buses', 'buses', 'count'],
    ['rideP50_s', 'rideP50', 'minutes'], ['rideP90_s', 'rideP90', 'minutes'], ['rideMax_s', 'rideMax', 'minutes']
  ];
  let role = null;
  let summary = null;
  let sort = { field: 'schoolName', ascending: true };

  /** An element (HTML, or SVG when ns is given) with attributes and text content. */
  function node(tag, attrs, text, ns) {
    const e = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function cell(value, kind) {
    if (kind === 'text') return value;
    if (value === undefined || value === null) return t('planSummary.unknown');
    return kind === 'minutes' ? (value / 60).toFixed(1) : String(value);
  }

  function compare(a, b) {
    const x = a[sort.field], y = b[sort.field];
    // Unknown values go last whichever way the column is sorted.
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    const order = typeof x === 'string' ? x.localeCompare(y, document.documentElement.lang || 'zh') : x - y;
    return (sort.ascending ? order : -order) || a.schoolId.localeCompare(b.schoolId);
  }

  function showTable() {
    const table = document.getElementById('plan-school-table');
    const head = table.querySelector('thead tr');
    head.innerHTML = '';
    COLUMNS.forEach(([field, key, kind]) => {
      const th = node('th', { scope: 'col', 'class': kind === 'text' ? '' : 'number', 'data-field': field,
        'aria-sort': sort.field === field ? (sort.ascending ? 'ascending' : 'descending') : 'none' });
      const button = node('button', { type: 'button', title: t('planSummary.sortBy', t('planSummary.' + key)) },
        t('planSummary.' + key) + (sort.field === field ? (sort.ascending ? ' ▲' : ' ▼') : ''));
      button.onclick = () => {
        sort = { field, ascending: sort.field === field ? !sort.ascending : kind === 'text' };
        showTable();
        table.querySelector('th[data-field="' + field + '"] button').focus();
      };
      th.appendChild(button);
      head.appendChild(th);
    });
    const row = (s, label) => {
      const tr = node('tr', s.schoolId ? { 'data-school-id': s.schoolId } : {});
      COLUMNS.forEach(([field, , kind]) => tr.appendChild(node(field === 'schoolName' && label ? 'th' : 'td',
        { 'class': kind === 'text' ? '' : 'number' }, label && field === 'schoolName' ? label : cell(s[field], kind))));
      return tr;
    };
    const body = table.querySelector('tbody');
    body.innerHTML = '';
    [...summary.schools].sort(compare).forEach(s => body.appendChild(row(s)));
    const foot = table.querySelector('tfoot');
    foot.innerHTML = '';
    foot.appendChild(row(summary.total, t('planSummary.total')));
  }

  function bandName(band) {
    return band === 'K' ? t('planSummary.bandK') : t('planSummary.band', band.replace('-', '–'));
  }

  /** One bar chart per grade band: riders per bin of binWidth_s, the same bins and scale for every band. */
  function showHistograms() {
    const box = document.getElementById('plan-ride-histograms');
    box.innerHTML = '';
    if (summary.rideHistograms.length === 0) {
      box.appendChild(node('p', {}, t('planSummary.noRiders')));
      return;
    }
    const binMin = summary.binWidth_s / 60;
    const top = Math.max(1, ...summary.rideHistograms.flatMap(h => h.counts));
    const W = 360, H = 130, left = 28, bottom = 30, right = 6;
    // At least half an hour of bins, so that a plan of short rides still shows narrow bars on a minute scale.
    const bins = Math.max(6, ...summary.rideHistograms.map(h => h.counts.length));
    summary.rideHistograms.forEach(h => {
      const chart = node('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, 'class': 'ride-histogram',
        'data-band': h.gradeBand, role: 'img', 'aria-label': t('planSummary.bandRiders', bandName(h.gradeBand), h.riders) }, null, SVG_NS);
      chart.appendChild(node('text', { x: left, y: 12 }, t('planSummary.bandRiders', bandName(h.gradeBand), h.riders), SVG_NS));
      const width = (W - left - right) / bins;
      const labelEvery = Math.max(1, Math.ceil(bins / 8));
      const counts = h.counts.concat(new Array(bins - h.counts.length).fill(0));
      counts.forEach((n, b) => {
        const height = (H - bottom - 32) * n / top;
        const bar = node('rect', { x: left + b * width + 1, y: H - bottom - height, width: Math.max(1, width - 2), height,
          'class': 'bar', 'data-bin': b, 'data-count': n }, null, SVG_NS);
        bar.appendChild(node('title', {}, t('planSummary.bin', b * binMin, (b + 1) * binMin, n), SVG_NS));
        chart.appendChild(bar);
        // Counts as text over their bars, so the chart reads without a pointer.
        if (n > 0) chart.appendChild(node('text', { x: left + b * width + width / 2, y: H - bottom - height - 3,
          'text-anchor': 'middle', 'class': 'bar-count' }, String(n), SVG_NS));
        if (b % labelEvery === 0) chart.appendChild(node('text', { x: left + b * width, y: H - bottom + 12 }, String(b * binMin), SVG_NS));
      });
      chart.appendChild(node('text', { x: W - right - 14, y: H - bottom + 12 }, String(bins * binMin), SVG_NS));
      chart.appendChild(node('line', { x1: left, y1: H - bottom, x2: W - right, y2: H - bottom, stroke: '#555' }, null, SVG_NS));
      chart.appendChild(node('text', { x: 2, y: 32 }, String(top), SVG_NS));
      chart.appendChild(node('text', { x: left, y: H - 4 }, t('planSummary.axisMinutes'), SVG_NS));
      box.appendChild(chart);
    });
  }

  // Above this many runs (xiaoche.map.list-rows) a bar per run is a chart metres long: runs are counted per band of seat use.
  const LIST_ROWS = Number((document.getElementById('map-page') || panel).dataset.listRows || 200);

  /** A bar per run: the share of its bus's seats its students take; for a county, runs per tenth of seats used. */
  function showSeats() {
    const box = document.getElementById('plan-seat-chart');
    box.innerHTML = '';
    if (summary.runs.length > LIST_ROWS) {
      showSeatBands(box);
      return;
    }
    const row = 18, left = 110, W = 360, right = 70;
    const chart = node('svg', { viewBox: '0 0 ' + W + ' ' + (row * summary.runs.length + 24), width: W,
      height: row * summary.runs.length + 24, id: 'seat-chart', role: 'img', 'aria-label': t('planSummary.seats') }, null, SVG_NS);
    summary.runs.forEach((r, i) => {
      const y = i * row;
      const direction = t('planSummary.' + (r.direction === 'AM' ? 'am' : 'pm'));
      chart.appendChild(node('text', { x: 2, y: y + 13 }, r.runId, SVG_NS));
      const share = r.seats > 0 ? Math.min(1, r.students / r.seats) : 0;
      const bar = node('rect', { x: left, y: y + 3, width: Math.max(0, (W - left - right) * share), height: row - 6,
        'class': 'seat-bar' + (r.direction === 'AM' ? '' : ' pm'), 'data-run-id': r.runId, 'data-students': r.students,
        'data-seats': r.seats }, null, SVG_NS);
      bar.appendChild(node('title', {}, t('planSummary.seatBar', r.runId, direction, r.students, r.seats), SVG_NS));
      chart.appendChild(bar);
      chart.appendChild(node('rect', { x: left, y: y + 3, width: W - left - right, height: row - 6, fill: 'none', stroke: '#999' }, null, SVG_NS));
      chart.appendChild(node('text', { x: W - right + 4, y: y + 13 }, r.students + '/' + r.seats, SVG_NS));
    });
    chart.appendChild(node('text', { x: left, y: row * summary.runs.length + 18 }, t('planSummary.seatAxis'), SVG_NS));
    box.appendChild(chart);
  }

  /** Runs per band of seat use (0–10 % … 90–100 %, over 100 % after an edit), morning and afternoon side by side. */
  function showSeatBands(box) {
    const bins = 11, counts = { AM: new Array(bins).fill(0), PM: new Array(bins).fill(0) };
    summary.runs.forEach(r => {
      const share = r.seats > 0 ? r.students / r.seats : 0;
      // A full bus (share 1) belongs to 90–100 %; only more students than seats is "over".
      const bin = share > 1 ? 10 : Math.min(9, Math.floor(share * 10));
      counts[r.direction === 'AM' ? 'AM' : 'PM'][bin]++;
    });
    const W = 360, H = 180, left = 30, bottom = 34, width = (W - left - 10) / bins;
    const top = Math.max(1, ...counts.AM, ...counts.PM);
    const chart = node('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, id: 'seat-chart', role: 'img',
      'aria-label': t('planSummary.seatBands', summary.runs.length) }, null, SVG_NS);
    chart.appendChild(node('text', { x: left, y: 12 }, t('planSummary.seatBands', summary.runs.length), SVG_NS));
    for (let b = 0; b < bins; b++) {
      const label = b < 10 ? t('planSummary.seatBin', b * 10, (b + 1) * 10) : t('planSummary.seatOver');
      ['AM', 'PM'].forEach((direction, k) => {
        const n = counts[direction][b], height = (H - bottom - 20) * n / top;
        const bar = node('rect', { x: left + b * width + 1 + k * (width - 2) / 2, y: H - bottom - height,
          width: Math.max(1, (width - 2) / 2), height, 'class': 'seat-band' + (direction === 'AM' ? '' : ' pm'),
          'data-bin': b, 'data-direction': direction, 'data-count': n }, null, SVG_NS);
        bar.appendChild(node('title', {}, label + ' · ' + t('planSummary.' + (direction === 'AM' ? 'am' : 'pm')) + ' · '
          + t('planSummary.seatBandRuns', n), SVG_NS));
        chart.appendChild(bar);
      });
      if (b % 2 === 0 || b === 10) chart.appendChild(node('text', { x: left + b * width, y: H - bottom + 12 }, b < 10 ? String(b * 10) : '>100', SVG_NS));
    }
    chart.appendChild(node('text', { x: 2, y: 28 }, String(top), SVG_NS));
    chart.appendChild(node('text', { x: left, y: H - 6 }, t('planSummary.seatAxis') + ' (%)', SVG_NS));
    box.appendChild(chart);
  }

  function showLists() {
    const list = document.getElementById('plan-lists');
    list.innerHTML = '';
    summary.lists.forEach(link => {
      const a = node('a', { href: link.href, download: '', 'data-list': link.list, 'data-format': link.format }, link.label);
      const li = node('li');
      li.appendChild(a);
      list.appendChild(li);
    });
    document.getElementById('plan-lists-box').hidden = summary.lists.length === 0;
  }

  async function show(planId) {
    if (role === null) role = (await Xiaoche.api('/api/me')).role;
    if (role !== 'planner' && role !== 'viewer') {
      panel.hidden = true;
      return;
    }
    const loaded = await Xiaoche.api('/api/plans/' + encodeURIComponent(planId) + '/summary');
    // A newer plan may have been shown while this one loaded.
    if (String(window.xiaocheMap && window.xiaocheMap.shownPlanId) !== String(planId)) return;
    summary = loaded;
    const note = document.getElementById('plan-summary-note');
    note.hidden = summary.studentsRecorded;
    note.textContent = summary.studentsRecorded ? '' : t('planSummary.notRecorded');
    showTable();
    showHistograms();
    showSeats();
    showLists();
    panel.dataset.planId = planId;
    panel.hidden = false;
  }

  document.addEventListener('xiaoche:plan-shown', e => show(e.detail.planId).catch(err => {
    panel.hidden = true;
    // A plan stored before plans kept their value has no summary: the panel just stays away.
    if (err.status !== 404) Xiaoche.showError(err);
  }));
  document.addEventListener('xiaoche:plan-cleared', () => {
    panel.hidden = true;
    summary = null;
  });
})();
