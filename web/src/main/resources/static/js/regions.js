// The region list: regions with their import state, author and time; upload and delete for planners.
(function () {
  'use strict';
  const T = { open: document.getElementById('regions-page').dataset.openText };
  const t = Xiaoche.t;
  (async function () {
    const me = await Xiaoche.api('/api/me');
    const tbody = document.querySelector('#region-list tbody');
    async function remove(region) {
      if (!await Xiaoche.confirmAction(t('confirm.deleteRegion', region.name), t('deleteRegion'))) return;
      try {
        await Xiaoche.api('/api/regions/' + region.id, { method: 'DELETE' });
        await load();
      } catch (e) {
        Xiaoche.showError(e);
      }
    }
    async function load() {
      const regions = await Xiaoche.api('/api/regions');
      tbody.innerHTML = '';
      document.getElementById('region-list-empty').hidden = regions.length > 0;
      regions.forEach(r => {
        const tr = document.createElement('tr');
        tr.dataset.regionId = r.id;
        const state = Xiaoche.tOr('regionState.' + r.state, r.state);
        [r.name, state + (r.message ? ': ' + r.message : ''), r.nodeCount == null ? '' : r.nodeCount,
          Xiaoche.when(r.createdAt), r.createdBy || t('unknownAuthor')].forEach(v => {
          const td = document.createElement('td');
          td.textContent = v;
          tr.appendChild(td);
        });
        const td = document.createElement('td');
        if (r.state === 'ready') {
          const a = document.createElement('a');
          a.href = 'map/' + r.id;
          a.textContent = T.open;
          a.className = 'open-map';
          td.appendChild(a);
        }
        if (me.role === 'planner') {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'delete-region';
          button.textContent = t('delete');
          button.onclick = () => remove(r);
          td.append(' ', button);
        }
        tr.appendChild(td);
        tbody.appendChild(tr);
      });
    }
    await load();
    if (me.role === 'planner') {
      const form = document.getElementById('region-upload-form');
      form.hidden = false;
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
          const created = await Xiaoche.api('/api/regions', { method: 'POST', body: new FormData(form) });
          await load();
          await Xiaoche.followJob(created.job.id);
          await load();
        } catch (e) {
          form.appendChild(Xiaoche.problemList(e));
        }
      });
    }
  })();
})();
