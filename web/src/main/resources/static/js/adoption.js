// The shown plan's adoption and downloads (templates/adoption.html): planners adopt the plan for a
// term; everyone who sees an adopted plan gets the downloads their role may have, as the API lists them.
(function () {
  'use strict';

  const panel = document.getElementById('adoption-panel');
  if (!panel) return;
  const T = JSON.parse(document.getElementById('adoption-text').textContent);
  const regionId = document.getElementById('map-page').dataset.regionId;
  const form = document.getElementById('adoption-form');
  const open = document.getElementById('adoption-open');
  let role = null;
  let planId = null;

  function fmt(template, ...args) {
    return template.replace(/\{(\d)\}/g, (m, i) => args[Number(i)]);
  }

  async function show(shownPlanId) {
    planId = shownPlanId;
    if (role === null) role = (await Xiaoche.api('/api/me')).role;
    const adoptions = (await Xiaoche.api('/api/adoptions?regionId=' + encodeURIComponent(regionId)))
      .filter(a => String(a.planId) === String(planId));
    const current = adoptions.find(a => a.state === 'in_force') || adoptions[0] || null;
    const state = document.getElementById('adoption-state');
    state.dataset.state = current ? current.state : 'none';
    state.textContent = !current ? T.none : current.state === 'in_force'
      ? fmt(T.inForce, current.termName, current.validFrom, current.validTo) : fmt(T.superseded, current.termName);
    open.hidden = role !== 'planner' || (current !== null && current.state === 'in_force');
    form.hidden = true;
    const list = document.getElementById('adoption-downloads');
    list.innerHTML = '';
    if (current) {
      (await Xiaoche.api('/api/adoptions/' + current.id + '/exports')).forEach(link => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = link.href;
        a.textContent = link.label;
        a.dataset.format = link.format;
        a.setAttribute('download', '');
        li.appendChild(a);
        list.appendChild(li);
      });
    }
    list.previousElementSibling.hidden = list.children.length === 0;
    panel.hidden = role === 'admin';
    panel.dataset.planId = planId;
  }

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
