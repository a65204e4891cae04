// Editing the shown plan by hand (templates/plan-edit.html), planners only: drag a stop along the roads,
// reorder a run, move a stop to another run, give a student another stop, change a bell. Each edit is
// POSTed to /api/plans/{id}/edits, which stores a new version; the page then shows that version, whose
// verdict, broken rules and changes this panel lists (GET /api/plans/{id}/versions). Undo shows the parent.
// A refusal is shown from its problem's code in the page's language, never as the server's English message.
(function () {
  'use strict';

  const panel = document.getElementById('plan-edit-panel');
  if (!panel) return;
  const t = Xiaoche.t;
  const body = document.getElementById('plan-edit-body');
  const toggle = document.getElementById('plan-edit-toggle');
  const runSelect = document.getElementById('plan-edit-run');
  let role = null;
  let planId = null;
  let editing = false;
  let stopMarkers = null;

  function viewer() {
    return window.xiaocheMap;
  }

  function stopNames() {
    const names = {};
    viewer().layers.stops.eachLayer(l => {
      names[l.feature.properties.stop_id] = l.feature.properties.stop_name || l.feature.properties.stop_id;
    });
    return names;
  }

  function message(text) {
    const out = document.getElementById('plan-edit-message');
    out.hidden = text == null;
    out.textContent = text == null ? '' : text;
  }

  /** Sends one edit; the new version goes on show, or the refusal is shown here. */
  async function send(edit) {
    message(t('planedit.working'));
    panel.dataset.busy = 'true';
    try {
      const created = await Xiaoche.api('/api/plans/' + planId + '/edits', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([edit])
      });
      message(null);
      await viewer().showPlanVersion(created.planId);
    } catch (e) {
      message(t('planedit.refused', Xiaoche.errorText(e)));
      panel.dataset.busy = 'false';
    }
  }

  function listItems(id, items) {
    const list = document.getElementById(id);
    list.innerHTML = '';
    items.forEach(text => {
      const li = document.createElement('li');
      li.textContent = text;
      list.appendChild(li);
    });
  }

  function showVersion(v) {
    document.getElementById('plan-edit-version').textContent = t('planedit.version', v.planId);
    const verdict = document.getElementById('plan-edit-verdict');
    verdict.dataset.valid = String(v.valid);
    verdict.textContent = v.valid ? t('planedit.valid') : t('planedit.invalid', v.violations.length);
    document.getElementById('plan-edit-coverage').textContent =
      v.coverageComplete ? t('planedit.coverageComplete') : t('planedit.coverageIncomplete');
    listItems('plan-edit-violations', v.violations.map(x =>
      t('planedit.violation', Xiaoche.tOr('planedit.rule.' + x.rule, x.rule), x.subject)));
    const violations = document.getElementById('plan-edit-violations');
    [...violations.children].forEach((li, i) => { li.dataset.rule = v.violations[i].rule; li.dataset.subject = v.violations[i].subject; });
    listItems('plan-edit-changes', v.changes.length ? v.changes : [t('planedit.noChanges')]);
    document.getElementById('plan-edit-undo').disabled = v.parentPlanId == null;
  }

  /** The run's stops in calling order, each with up/down and "move to run" controls. */
  async function showRun(runId) {
    const list = document.getElementById('plan-edit-run-stops');
    list.innerHTML = '';
    delete list.dataset.runId;
    if (!runId) return;
    const runs = viewer().state.runsById;
    const timetable = await Xiaoche.api('/api/plans/' + planId + '/runs/' + encodeURIComponent(runId) + '/timetable');
    const stops = timetable.stops.filter(s => s.kind === 'stop').map(s => s.placeId);
    const names = stopNames();
    const others = Object.values(runs).filter(r => r.runId !== runId && r.schoolId === runs[runId].schoolId
      && r.direction === runs[runId].direction);
    stops.forEach((stopId, i) => {
      const li = document.createElement('li');
      li.dataset.stopId = stopId;
      const name = document.createElement('span');
      name.textContent = names[stopId] || stopId;
      li.appendChild(name);
      const move = (delta, label, cls) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = cls;
        b.textContent = label;
        b.disabled = i + delta < 0 || i + delta >= stops.length;
        b.onclick = () => {
          const order = stops.slice();
          [order[i], order[i + delta]] = [order[i + delta], order[i]];
          send({ type: 'reorder-run', runId, stopIds: order });
        };
        li.appendChild(b);
      };
      move(-1, t('planedit.up'), 'plan-edit-up');
      move(1, t('planedit.down'), 'plan-edit-down');
      if (others.length) {
        const target = document.createElement('select');
        target.className = 'plan-edit-target';
        target.setAttribute('aria-label', t('planedit.moveTo'));
        others.forEach(r => target.add(new Option(r.runId, r.runId)));
        const go = document.createElement('button');
        go.type = 'button';
        go.className = 'plan-edit-move';
        go.textContent = t('planedit.moveToRun');
        go.onclick = () => send({ type: 'move-stop-to-run', stopId, fromRunId: runId, toRunId: target.value, position: 0 });
        li.appendChild(target);
        li.appendChild(go);
      }
      list.appendChild(li);
    });
    // Which run the list is of, once it is complete (the picker may already name another).
    list.dataset.runId = runId;
  }

  /** Draggable handles over the stops while editing: dropping one moves the stop to the nearest road a bus may stop on. */
  function showStopHandles() {
    const map = viewer().map;
    if (stopMarkers) stopMarkers.remove();
    stopMarkers = L.layerGroup().addTo(map);
    if (!editing) return;
    viewer().layers.stops.eachLayer(l => {
      const p = l.feature.properties;
      const marker = L.marker(l.getLatLng(), { draggable: true, title: p.stop_name || p.stop_id,
        icon: L.divIcon({ className: 'plan-edit-stop', iconSize: [14, 14] }) }).addTo(stopMarkers);
      marker.getElement().dataset.stopId = p.stop_id;
      marker.on('dragend', () => {
        const at = marker.getLatLng();
        send({ type: 'move-stop', stopId: p.stop_id, lon: at.lng, lat: at.lat });
      });
    });
  }

  function fillChoices() {
    const runs = Object.values(viewer().state.runsById);
    const previous = runSelect.value;
    runSelect.innerHTML = '';
    runs.forEach(r => runSelect.add(new Option(r.runId, r.runId)));
    if (runs.some(r => r.runId === previous)) runSelect.value = previous;
    const names = stopNames();
    const stopSelect = document.getElementById('plan-edit-student-stop');
    stopSelect.innerHTML = '';
    Object.keys(names).sort().forEach(id => stopSelect.add(new Option(names[id], id)));
    const schoolSelect = document.getElementById('plan-edit-bell-school');
    schoolSelect.innerHTML = '';
    [...new Set(runs.map(r => r.schoolId))].sort().forEach(id =>
      schoolSelect.add(new Option(viewer().state.schoolNames[id] || id, id)));
  }

  async function show(shownPlanId) {
    planId = shownPlanId;
    if (role === null) role = (await Xiaoche.api('/api/me')).role;
    panel.hidden = role !== 'planner';
    if (role !== 'planner') return;
    body.hidden = !editing;
    toggle.textContent = editing ? t('planedit.finish') : t('planedit.start');
    if (editing) {
      showVersion((await Xiaoche.api('/api/plans/' + planId + '/versions'))[0]);
      fillChoices();
      await showRun(runSelect.value);
    }
    showStopHandles();
    panel.dataset.planId = planId;
    panel.dataset.busy = 'false';
  }

  toggle.onclick = () => {
    editing = !editing;
    show(planId).catch(e => message(t('planedit.refused', Xiaoche.errorText(e))));
  };
  runSelect.onchange = () => showRun(runSelect.value).catch(e => message(t('planedit.refused', Xiaoche.errorText(e))));
  document.getElementById('plan-edit-undo').onclick = async () => {
    try {
      const parent = await Xiaoche.api('/api/plans/' + planId + '/undo', { method: 'POST' });
      panel.dataset.busy = 'true';
      await viewer().showPlanVersion(parent.planId);
    } catch (e) {
      message(t('planedit.refused', Xiaoche.errorText(e)));
    }
  };
  // While editing, a click on a rider on the map picks that student for "another stop" (the id can be typed too).
  viewer().layers.riders.on('click', e => {
    if (!editing) return;
    const input = document.querySelector('#plan-edit-student-form input[name=studentId]');
    input.value = e.layer.feature.properties.student_id;
    document.getElementById('plan-edit-student-stop').focus();
  });
  document.getElementById('plan-edit-student-form').onsubmit = event => {
    event.preventDefault();
    const data = new FormData(event.target);
    send({ type: 'move-student', studentId: data.get('studentId').trim(), toStopId: data.get('toStopId') });
  };
  document.getElementById('plan-edit-bell-form').onsubmit = event => {
    event.preventDefault();
    const data = new FormData(event.target);
    send({ type: 'set-bell', schoolId: data.get('schoolId'), bell: data.get('bell') });
  };

  document.addEventListener('xiaoche:plan-shown', e => show(e.detail.planId).catch(err => message(t('planedit.refused', Xiaoche.errorText(err)))));
})();
