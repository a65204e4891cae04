// The fleet and planning-policy form of the map page (planners): bus types, depots placed on the map, and
// every policy setting with its default and the default's source. Plans and eligibility runs use what it
// holds; the service validates the result as it validates uploaded files.
(function () {
  'use strict';
  const t = Xiaoche.t;
  const ENVIRONMENTS = ['bridge', 'tunnel'];
  let defaults = null;
  let depots = [];
  let depotMarkers = null;
  let placing = false;

  function el(tag, props) {
    return Object.assign(document.createElement(tag), props || {});
  }

  function numberInput(value, attrs) {
    const input = el('input', { type: 'number', value: value == null ? '' : value, required: true });
    Object.entries(attrs || {}).forEach(([k, v]) => input.setAttribute(k, v));
    return input;
  }

  function addTypeRow(type) {
    const tr = el('tr');
    const cells = [el('input', { value: type.id || '', required: true, maxLength: 64, name: 'id' }),
      numberInput(type.seats, { min: 1, step: 1, name: 'seats' }), numberInput(type.costPerDay, { min: 0, step: 'any', name: 'costPerDay' }),
      numberInput(type.costPerKm, { min: 0, step: 'any', name: 'costPerKm' }), numberInput(type.available, { min: 0, step: 1, name: 'available' })];
    cells.forEach(c => {
      c.setAttribute('aria-label', c.name);
      const td = el('td');
      td.appendChild(c);
      tr.appendChild(td);
    });
    const remove = el('button', { type: 'button', textContent: t('settings.removeType'), className: 'remove-type' });
    remove.onclick = () => tr.remove();
    const td = el('td');
    td.appendChild(remove);
    tr.appendChild(td);
    document.querySelector('#fleet-types tbody').appendChild(tr);
  }

  function showDepots(map) {
    const list = document.getElementById('depot-list');
    list.innerHTML = '';
    depotMarkers.clearLayers();
    depots.forEach((d, i) => {
      const li = el('li', { textContent: t('settings.depot', d.id, d.lon.toFixed(5), d.lat.toFixed(5)) });
      const remove = el('button', { type: 'button', textContent: t('settings.removeDepot'), className: 'remove-depot' });
      remove.onclick = () => {
        depots.splice(i, 1);
        showDepots(map);
      };
      li.append(' ', remove);
      list.appendChild(li);
      const marker = L.marker([d.lat, d.lon], { draggable: true, title: t('settings.depot', d.id, '', '') }).addTo(depotMarkers);
      marker.on('dragend', () => {
        const ll = marker.getLatLng();
        d.lon = ll.lng;
        d.lat = ll.lat;
        showDepots(map);
      });
    });
  }

  /** Policy settings as rows: scalars, lists and the per-grade map, each keyed by its path. */
  function policyFields(policy) {
    const fields = [];
    const visit = (object, prefix) => Object.entries(object).forEach(([key, value]) => {
      if (key === 'routes') visit(value, 'routes.');
      // The term calendar is the exports' service days, kept as in the defaults (not a planning setting).
      else if (key !== 'termCalendar') fields.push({ path: prefix + key, value });
    });
    visit(policy, '');
    return fields;
  }

  function render(policy, fleet, map) {
    document.querySelector('#fleet-types tbody').innerHTML = '';
    fleet.busTypes.forEach(addTypeRow);
    depots = (fleet.depots || []).map(d => ({ id: d.id, lon: d.location ? d.location.lon : d.lon, lat: d.location ? d.location.lat : d.lat }));
    showDepots(map);
    const tbody = document.querySelector('#policy-form tbody');
    tbody.innerHTML = '';
    const defaultsByPath = Object.fromEntries(policyFields(defaults.policy).map(f => [f.path, f.value]));
    policyFields(policy).forEach(f => {
      const tr = el('tr');
      tr.dataset.path = f.path;
      const label = el('th', { textContent: Xiaoche.tOr('policy.' + f.path, f.path) });
      const cell = el('td');
      cell.appendChild(editor(f));
      const def = el('td', { textContent: display(f.path, defaultsByPath[f.path]) });
      const source = el('td', { textContent: Xiaoche.tOr('policySource.' + f.path, ''), className: 'source' });
      tr.append(label, cell, def, source);
      tbody.appendChild(tr);
    });
  }

  function choices(path) {
    return path === 'stopRoadClasses' ? Object.keys(window.XIAOCHE_TEXT.roadClasses).filter(c => c !== 'other')
      : path === 'noStopRoadEnvironments' ? ENVIRONMENTS : null;
  }

  function choiceName(path, value) {
    return path === 'stopRoadClasses' ? window.XIAOCHE_TEXT.roadClasses[value] || value : Xiaoche.tOr('roadEnvironment.' + value, value);
  }

  function display(path, value) {
    if (Array.isArray(value)) return choices(path) ? value.map(v => choiceName(path, v)).join('、') : value.join(', ');
    if (value !== null && typeof value === 'object') return Object.entries(value).map(([g, m]) => g + ': ' + m).join(', ');
    return String(value);
  }

  function editor(f) {
    const options = choices(f.path);
    if (options) {
      const box = el('span', { className: 'choices' });
      options.forEach(c => {
        const label = el('label');
        const input = el('input', { type: 'checkbox', value: c, checked: f.value.includes(c) });
        label.append(input, ' ' + choiceName(f.path, c));
        box.appendChild(label);
      });
      return box;
    }
    if (Array.isArray(f.value)) {
      return el('input', { value: f.value.join(', '), pattern: '\\s*(\\d+\\s*(,\\s*\\d+\\s*)*)?', className: 'list' });
    }
    if (f.value !== null && typeof f.value === 'object') {
      return el('input', { value: display(f.path, f.value), pattern: '\\s*(\\d+\\s*:\\s*\\d+(\\.\\d+)?\\s*(,\\s*\\d+\\s*:\\s*\\d+(\\.\\d+)?\\s*)*)?',
        className: 'grades', placeholder: '1: 1500, 2: 1800' });
    }
    return numberInput(f.value, { min: 0, step: 'any' });
  }

  function readEditor(path, cell) {
    const boxes = cell.querySelectorAll('input[type=checkbox]');
    if (boxes.length > 0) return [...boxes].filter(b => b.checked).map(b => b.value);
    const input = cell.querySelector('input');
    if (input.classList.contains('list')) return input.value.split(',').map(v => v.trim()).filter(Boolean).map(Number);
    if (input.classList.contains('grades')) {
      return Object.fromEntries(input.value.split(',').map(v => v.trim()).filter(Boolean).map(v => v.split(':').map(x => x.trim()))
        .map(([g, m]) => [g, Number(m)]));
    }
    return Number(input.value);
  }

  /** Marks invalid inputs; true when every input holds a value its field accepts. */
  function check() {
    let ok = true;
    document.querySelectorAll('#plan-settings-form input').forEach(input => {
      const bad = !input.checkValidity();
      input.classList.toggle('invalid', bad);
      input.setAttribute('aria-invalid', bad);
      ok = ok && !bad;
    });
    if (document.querySelectorAll('#fleet-types tbody tr').length === 0) ok = false;
    return ok;
  }

  /**
   * The walking limits in the order the service requires (young pupils' ≤ everyone's ≤ to a bus road): the
   * inputs out of order are marked here, before the service refuses the policy in its own words.
   */
  function walkLimitsInOrder() {
    const input = path => document.querySelector('#policy-form tr[data-path="' + path + '"] input');
    const young = input('maxWalkToStopGrades1to3_m');
    const stop = input('maxWalkToStop_m');
    const road = input('maxWalkToBusRoad_m');
    if (!young || !stop || !road) return true;
    const bad = [];
    if (Number(young.value) > Number(stop.value)) bad.push(young);
    if (Number(road.value) < Number(stop.value)) bad.push(road);
    bad.forEach(i => {
      i.classList.add('invalid');
      i.setAttribute('aria-invalid', true);
    });
    return bad.length === 0;
  }

  /** The fleet and policy as files for the plan request, or null (with the message shown) when the form is invalid. */
  function values() {
    if (!check()) {
      Xiaoche.showMessage(t('settings.invalid'));
      return null;
    }
    if (!walkLimitsInOrder()) {
      Xiaoche.showMessage(t('settings.walkLimitsOrder'));
      return null;
    }
    const busTypes = [...document.querySelectorAll('#fleet-types tbody tr')].map(tr => {
      const v = name => tr.querySelector('[name=' + name + ']').value;
      return { id: v('id').trim(), seats: Number(v('seats')), costPerDay: Number(v('costPerDay')), costPerKm: Number(v('costPerKm')),
        available: Number(v('available')) };
    });
    const policy = { routes: {} };
    document.querySelectorAll('#policy-form tbody tr').forEach(tr => {
      const path = tr.dataset.path;
      const value = readEditor(path, tr.children[1]);
      if (path.startsWith('routes.')) policy.routes[path.slice(7)] = value;
      else policy[path] = value;
    });
    return { fleet: { busTypes, depots: depots.map(d => ({ id: d.id, lon: d.lon, lat: d.lat })) }, policy };
  }

  async function init(map) {
    defaults = await Xiaoche.api('/api/plan-defaults');
    depotMarkers = L.layerGroup().addTo(map);
    render(defaults.policy, defaults.fleet, map);
    document.getElementById('plan-settings').hidden = false;
    document.getElementById('fleet-add-type').onclick = () => addTypeRow({ id: '', seats: '', costPerDay: 0, costPerKm: 0, available: 1 });
    document.getElementById('settings-reset').onclick = () => render(defaults.policy, defaults.fleet, map);
    document.getElementById('depot-place').onclick = () => {
      placing = true;
      document.getElementById('depot-hint').hidden = false;
      map.getContainer().classList.add('placing');
    };
    map.on('click', e => {
      if (!placing) return;
      placing = false;
      document.getElementById('depot-hint').hidden = true;
      map.getContainer().classList.remove('placing');
      let n = depots.length + 1;
      while (depots.some(d => d.id === 'D' + n)) n++;
      depots.push({ id: 'D' + n, lon: e.latlng.lng, lat: e.latlng.lat });
      showDepots(map);
    });
    window.xiaocheMap.settings = { values };
  }

  window.XiaochePlanSettings = { init, values, walkThreshold: () => {
    const v = values();
    return v == null ? null : v.policy.walkThreshold_m;
  } };
})();
