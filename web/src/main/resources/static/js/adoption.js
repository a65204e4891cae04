// The shown plan's adoption and downloads (templates/adoption.html): planners adopt the plan for a
// term; everyone who sees an adopted plan gets the downloads their role may have, as the API lists them
// (the long PDF ones are made by a background job, followed in the job box and then downloaded once);
// planners give each bus of a current adoption to a company and keep the companies, viewers read who runs
// which bus; the region's adoptions are listed with their state as history.
(function () {
  'use strict';

  const panel = document.getElementById('adoption-panel');
  if (!panel) return;
  const T = JSON.parse(document.getElementById('adoption-text').textContent);
  const t = Xiaoche.t;
  const regionId = document.getElementById('map-page').dataset.regionId;
  const form = document.getElementById('adoption-form');
  const open = document.getElementById('adoption-open');
  const busPanel = document.getElementById('adoption-buses');
  const busRows = document.querySelector('#adoption-bus-table tbody');
  const companyPanel = document.getElementById('operator-companies');
  const companyRows = document.querySelector('#company-table tbody');
  let role = null;
  let planId = null;
  let current = null;
  let companies = [];

  function fmt(template, ...args) {
    return template.replace(/\{(\d)\}/g, (m, i) => args[Number(i)]);
  }

  /** An adoption's state in words: in force, upcoming, expired (已到期), replaced or withdrawn, with its term. */
  function stateText(a) {
    switch (a.state) {
      case 'in_force': return fmt(T.inForce, a.termName, a.validFrom, a.validTo);
      case 'superseded': return fmt(T.superseded, a.termName);
      default: return t('adoption.state.' + a.state, a.termName, a.validFrom, a.validTo);
    }
  }

  const isCurrent = a => a.state === 'in_force' || a.state === 'upcoming';

  async function show(shownPlanId) {
    planId = shownPlanId;
    if (role === null) role = (await Xiaoche.api('/api/me')).role;
    const all = await Xiaoche.api('/api/adoptions?regionId=' + encodeURIComponent(regionId));
    const adoptions = all.filter(a => String(a.planId) === String(planId));
    current = adoptions.find(a => a.state === 'in_force') || adoptions.find(isCurrent) || adoptions[0] || null;
    const state = document.getElementById('adoption-state');
    state.dataset.state = current ? current.state : 'none';
    state.textContent = current ? stateText(current) : T.none;
    open.hidden = role !== 'planner' || (current !== null && isCurrent(current));
    form.hidden = true;
    await showDownloads();
    showHistory(all);
    await showBuses();
    panel.hidden = role === 'admin';
    panel.dataset.planId = planId;
  }

  async function showDownloads() {
    const list = document.getElementById('adoption-downloads');
    list.innerHTML = '';
    const links = current ? await Xiaoche.api('/api/adoptions/' + current.id + '/exports') : [];
    links.forEach(link => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = link.href;
      a.textContent = link.label;
      a.dataset.format = link.format;
      if (link.job) {
        // Made in the background: the link starts the job, the file comes when it is done.
        a.dataset.job = 'true';
        a.onclick = event => {
          event.preventDefault();
          exportAsJob(a).catch(e => Xiaoche.showError(e));
        };
      } else {
        a.setAttribute('download', '');
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    list.previousElementSibling.hidden = list.children.length === 0;
    document.getElementById('adoption-download-hint').hidden = !links.some(l => l.job);
  }

  /** Starts the export job, follows it in the job box, then downloads its file (which the server then deletes). */
  async function exportAsJob(link) {
    Xiaoche.showMessage(null);
    const job = await Xiaoche.api(link.href, { method: 'POST' });
    link.dataset.jobId = job.id;
    const ended = await Xiaoche.followJob(job.id);
    if (ended.state !== 'succeeded') return;
    const file = document.createElement('a');
    file.href = '/api/export-files/' + ended.id;
    file.setAttribute('download', '');
    file.hidden = true;
    document.body.appendChild(file);
    file.click();
    file.remove();
    link.dataset.downloaded = ended.id;
  }

  function showHistory(all) {
    const details = document.getElementById('adoption-history');
    const list = document.getElementById('adoption-history-list');
    list.innerHTML = '';
    all.forEach(a => {
      const li = document.createElement('li');
      li.dataset.adoptionId = a.id;
      li.dataset.state = a.state;
      li.textContent = t('adoption.historyItem', stateText(a), a.planId == null ? t('adoption.planDeleted') : a.planId);
      list.appendChild(li);
    });
    details.hidden = role === 'operator' || all.length === 0;
  }

  // Buses and companies: planners choose (and keep the companies), viewers read; operators get neither.

  async function showBuses() {
    const canRead = role === 'planner' || role === 'viewer';
    busPanel.hidden = !canRead || current === null || !isCurrent(current);
    companyPanel.hidden = role !== 'planner';
    if (!canRead) return;
    companies = await Xiaoche.api('/api/operators');
    if (role === 'planner') await showCompanies();
    if (!busPanel.hidden) renderBuses(await Xiaoche.api('/api/adoptions/' + current.id + '/buses'));
  }

  function companyPicker(selected) {
    const select = document.createElement('select');
    select.appendChild(new Option(t('adoption.unassigned'), ''));
    companies.forEach(c => select.appendChild(new Option(c.name, c.id)));
    select.value = selected == null ? '' : String(selected);
    select.disabled = role !== 'planner';
    return select;
  }

  function renderBuses(buses) {
    busRows.innerHTML = '';
    buses.forEach(b => {
      const tr = document.createElement('tr');
      tr.dataset.busId = b.busId;
      // The type by its seats, as the route list names it (the fleet's type ids are the planner's codes).
      [b.busId, t('busType', b.seats), b.runs].forEach(v => {
        const td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
      const td = document.createElement('td');
      const select = companyPicker(b.operatorId);
      select.setAttribute('aria-label', t('adoption.companyOf', b.busId));
      select.onchange = () => tr.classList.toggle('changed', true);
      td.appendChild(select);
      tr.appendChild(td);
      busRows.appendChild(tr);
    });
    const all = document.getElementById('adoption-bus-all');
    all.replaceChildren(...companyPicker(null).options);
    document.getElementById('adoption-bus-bulk').hidden = role !== 'planner';
    document.getElementById('adoption-bus-save').hidden = role !== 'planner';
  }

  /** The table's choices: bus id → company id, null for none. */
  function chosen() {
    const byBus = {};
    busRows.querySelectorAll('tr').forEach(tr => {
      const value = tr.querySelector('select').value;
      byBus[tr.dataset.busId] = value === '' ? null : Number(value);
    });
    return byBus;
  }

  /** The pickers again with the companies' new names, keeping what was chosen but not yet saved. */
  function refreshPickers() {
    const byBus = chosen();
    busRows.querySelectorAll('tr').forEach(tr => {
      const old = tr.querySelector('select');
      const select = companyPicker(byBus[tr.dataset.busId]);
      select.setAttribute('aria-label', old.getAttribute('aria-label'));
      select.onchange = old.onchange;
      old.replaceWith(select);
    });
    document.getElementById('adoption-bus-all').replaceChildren(...companyPicker(null).options);
  }

  document.getElementById('adoption-bus-all-apply').onclick = () => {
    const value = document.getElementById('adoption-bus-all').value;
    busRows.querySelectorAll('tr').forEach(tr => {
      tr.querySelector('select').value = value;
      tr.classList.add('changed');
    });
  };

  document.getElementById('adoption-bus-save').onclick = async () => {
    const result = document.getElementById('adoption-bus-result');
    result.textContent = '';
    try {
      const saved = await Xiaoche.api('/api/adoptions/' + current.id + '/buses', {
        method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ operatorIdByBus: chosen() })
      });
      renderBuses(saved);
      result.textContent = t('adoption.saved', saved.filter(b => b.operatorId != null).length, saved.length);
      result.dataset.state = 'saved';
    } catch (e) {
      result.dataset.state = 'refused';
      result.appendChild(Xiaoche.problemList(e));
    }
  };

  /** The companies as rows to edit, with their accounts; drawn at once when every row is ready. */
  async function showCompanies() {
    const members = await Promise.all(companies.map(c => Xiaoche.api('/api/operators/' + c.id + '/members')));
    companyRows.replaceChildren(...companies.map((c, i) => companyRow(c, members[i])));
  }

  function companyRow(c, usernames) {
    const tr = document.createElement('tr');
    tr.dataset.companyId = c.id;
    const details = document.createElement('td');
    details.className = 'fields';
    ['name', 'phone', 'url'].forEach(field => {
      const input = document.createElement('input');
      input.name = field;
      input.value = c[field] || '';
      input.placeholder = t('operators.' + field);
      input.setAttribute('aria-label', t('operators.' + field));
      details.appendChild(input);
    });
    tr.appendChild(details);
    const members = document.createElement('td');
    members.className = 'members';
    usernames.forEach(username => {
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'member';
      remove.dataset.username = username;
      remove.textContent = t('operators.removeMember', username);
      remove.onclick = () => companyCall(c.id + '/members/' + encodeURIComponent(username), 'DELETE');
      members.appendChild(remove);
    });
    const account = document.createElement('input');
    account.name = 'member';
    account.placeholder = t('operators.memberPlaceholder');
    account.setAttribute('aria-label', t('operators.memberPlaceholder'));
    const add = document.createElement('button');
    add.type = 'button';
    add.className = 'add-member';
    add.textContent = t('operators.addMember');
    add.onclick = () => account.value.trim() === '' ? null
      : companyCall(c.id + '/members/' + encodeURIComponent(account.value.trim()), 'PUT');
    members.append(account, add);
    tr.appendChild(members);
    const actions = document.createElement('td');
    const save = document.createElement('button');
    save.type = 'button';
    save.className = 'save-company';
    save.textContent = t('operators.save');
    save.onclick = () => companyCall(String(c.id), 'PUT', fields(tr));
    actions.appendChild(save);
    tr.appendChild(actions);
    return tr;
  }

  function fields(container) {
    const value = name => container.querySelector('input[name=' + name + ']').value;
    return { name: value('name'), phone: value('phone'), url: value('url') };
  }

  /** A change to the companies (or their accounts), then the companies and the pickers shown afresh. */
  async function companyCall(path, method, body) {
    const result = document.getElementById('company-result');
    result.innerHTML = '';
    try {
      await Xiaoche.api('/api/operators' + (path ? '/' + path : ''), body === undefined ? { method } : {
        method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
      });
      companies = await Xiaoche.api('/api/operators');
      await showCompanies();
      refreshPickers();
      result.textContent = t('operators.saved');
      result.dataset.state = 'saved';
      return true;
    } catch (e) {
      result.dataset.state = 'refused';
      result.appendChild(Xiaoche.problemList(e));
      return false;
    }
  }

  document.getElementById('company-new').onsubmit = async (event) => {
    event.preventDefault();
    const newForm = event.target;
    if (await companyCall('', 'POST', fields(newForm))) newForm.reset();
  };

  open.onclick = () => {
    form.hidden = false;
    open.hidden = true;
  };
  document.getElementById('adoption-cancel').onclick = () => {
    form.hidden = true;
    open.hidden = false;
  };
  form.onsubmit = async (event) => {
    event.preventDefault();
    const result = document.getElementById('adoption-result');
    result.innerHTML = '';
    const data = new FormData(form);
    try {
      await Xiaoche.api('/api/adoptions', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ planId: Number(planId), termName: data.get('termName'),
          validFrom: data.get('validFrom'), validTo: data.get('validTo') })
      });
      await show(planId);
    } catch (e) {
      result.appendChild(Xiaoche.problemList(e));
    }
  };

  document.addEventListener('xiaoche:plan-shown', e => show(e.detail.planId).catch(err => console.error(err)));
})();
