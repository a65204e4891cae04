// Shared page helpers: API calls with the CSRF token, job progress polling.
(function () {
  'use strict';

  function csrfToken() {
    const match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  /** fetch() against /api: sends the CSRF header on writes, parses JSON, throws the API error body. */
  async function api(path, options) {
    const opts = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
    if (opts.method && opts.method !== 'GET') {
      opts.headers['X-XSRF-TOKEN'] = csrfToken();
    }
    const response = await fetch(path, opts);
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error(body && body.message ? body.message : response.statusText);
      error.status = response.status;
      error.body = body;
      throw error;
    }
    return body;
  }

  /** Polls /api/jobs/{id} into the #job-progress element until the job ends; resolves with the job. */
  function followJob(jobId, onUpdate) {
    const box = document.getElementById('job-progress');
    const bar = document.getElementById('job-progress-bar');
    const stage = document.getElementById('job-stage');
    const cancel = document.getElementById('job-cancel');
    box.hidden = false;
    box.dataset.jobId = jobId;
    cancel.onclick = () => api('/api/jobs/' + jobId + '/cancel', { method: 'POST' }).catch(e => alert(e.message));
    return new Promise((resolve) => {
      const tick = async () => {
        const job = await api('/api/jobs/' + jobId);
        bar.value = job.percent;
        stage.textContent = job.state + ' · ' + (job.stage || '') + ' · ' + job.percent.toFixed(0) + '%'
          + (job.message ? ' · ' + job.message : '');
        box.dataset.state = job.state;
        if (onUpdate) onUpdate(job);
        if (job.state === 'queued' || job.state === 'running') {
          setTimeout(tick, 500);
        } else {
          resolve(job);
        }
      };
      tick();
    });
  }

  function problemList(error) {
    const ul = document.createElement('ul');
    ul.className = 'problems';
    const head = document.createElement('li');
    head.textContent = error.message;
    ul.appendChild(head);
    ((error.body && error.body.problems) || []).forEach(p => {
      const li = document.createElement('li');
      li.textContent = p.file + (p.line ? ':' + p.line : '') + (p.field ? ' [' + p.field + ']' : '') + ' ' + p.reason;
      ul.appendChild(li);
    });
    return ul;
  }

  // The page's texts, from its JSON data block (the CSP allows no inline script).
  const texts = document.getElementById('xiaoche-text');
  if (texts) window.XIAOCHE_TEXT = JSON.parse(texts.textContent);

  window.Xiaoche = { api, followJob, problemList };
})();
