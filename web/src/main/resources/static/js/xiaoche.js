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

  /** A job's state or stage in the page's language (stages are the engine's progress names). */
  function jobStateText(state) {
    return tOr('jobState.' + state, state);
  }

  function jobStageText(stage) {
    return stage ? tOr('jobStage.' + stage.replace(/ /g, '_'), stage) : '';
  }

  /**
   * Polls /api/jobs/{id} into the #job-progress element until the job ends; resolves with the job. The
   * cancel button shows only while the job can still be cancelled.
   */
  function followJob(jobId, onUpdate) {
    const box = document.getElementById('job-progress');
    const bar = document.getElementById('job-progress-bar');
    const stage = document.getElementById('job-stage');
    const cancel = document.getElementById('job-cancel');
    box.hidden = false;
    box.dataset.jobId = jobId;
    // A new job's box never shows the previous job's end state.
    box.dataset.state = 'queued';
    cancel.hidden = false;
    cancel.onclick = () => api('/api/jobs/' + jobId + '/cancel', { method: 'POST' }).catch(e => showError(e));
    return new Promise((resolve) => {
      const tick = async () => {
        const job = await api('/api/jobs/' + jobId);
        bar.value = job.percent;
        // A refused upload's message is the server's English; its problems say it in the page's language.
        const message = job.problems && job.problems.length > 0 ? t('jobRefused', job.problems[0].file) : job.message;
        stage.textContent = t('jobProgress', jobStateText(job.state), jobStageText(job.stage), job.percent.toFixed(0))
          + (message ? ' · ' + message : '');
        const ended = job.state !== 'queued' && job.state !== 'running';
        // The cancel button goes before the box says the job ended.
        if (ended) cancel.hidden = true;
        box.dataset.state = job.state;
        if (onUpdate) onUpdate(job);
        if (!ended) {
          setTimeout(tick, 500);
        } else {
          resolve(job);
        }
      };
      tick();
    });
  }

  /** An error of an action in the page's message line (#page-message), never a silent failure. */
  function showError(error) {
    const out = document.getElementById('page-message');
    if (!out) return;
    out.hidden = false;
    out.innerHTML = '';
    out.appendChild(problemList(error));
  }

  /** Shows a text in the page's message line; hides it for null. */
  function showMessage(text) {
    const out = document.getElementById('page-message');
    if (!out) return;
    out.hidden = text == null;
    out.textContent = text == null ? '' : text;
  }

  /**
   * Asks before something that cannot be undone, in a modal dialog (keyboard: Tab between the buttons,
   * Esc cancels); resolves true only when the user confirms.
   */
  function confirmAction(message, confirmLabel) {
    let dialog = document.getElementById('confirm-dialog');
    if (!dialog) {
      dialog = document.createElement('dialog');
      dialog.id = 'confirm-dialog';
      dialog.innerHTML = '<p></p><form method="dialog"><button value="cancel" id="confirm-cancel"></button>'
        + ' <button value="ok" id="confirm-ok" class="danger"></button></form>';
      document.body.appendChild(dialog);
    }
    dialog.querySelector('p').textContent = message;
    dialog.querySelector('#confirm-ok').textContent = confirmLabel || t('delete');
    dialog.querySelector('#confirm-cancel').textContent = t('cancel');
    return new Promise(resolve => {
      dialog.onclose = () => resolve(dialog.returnValue === 'ok');
      dialog.returnValue = 'cancel';
      dialog.showModal();
      dialog.querySelector('#confirm-cancel').focus();
    });
  }

  /** A stored time to the minute, in the page's language. */
  function when(instant) {
    return new Intl.DateTimeFormat(document.documentElement.lang || 'zh', { dateStyle: 'short', timeStyle: 'short' })
      .format(new Date(instant));
  }

  function problemList(error) {
    const ul = document.createElement('ul');
    ul.className = 'problems';
    const head = document.createElement('li');
    head.textContent = errorHead(error);
    ul.appendChild(head);
    ((error.body && error.body.problems) || []).forEach(p => {
      const li = document.createElement('li');
      li.textContent = problemText(p);
      ul.appendChild(li);
    });
    return ul;
  }

  /** What went wrong as a whole: the bundle's words for the error's code (js.error.*) when it has them, else the message. */
  function errorHead(error) {
    const code = error.body && error.body.code;
    return code ? tOr('error.' + code, error.message) : error.message;
  }

  /** A refusal on one line in the page's language: its problems' reasons from their codes, else its head. */
  function errorText(error) {
    const problems = (error.body && error.body.problems) || [];
    return problems.length > 0 ? problems.map(problemReason).join('；') : errorHead(error);
  }

  /** A problem's reason from its code when the bundle has it, else its reason (English). */
  function problemReason(p) {
    const key = 'problem.' + p.code;
    return p.code && key in messages ? t(key, ...(p.args || [])) : p.reason;
  }

  /** One problem of a refused input in the page's language, with its file, line and field. */
  function problemText(p) {
    // A file's line has columns; a form or settings file without lines has named fields.
    const field = !p.field ? '' : p.line ? t('problem.field', p.field) : t('problem.setting', settingName(p.field));
    return t('problem.where', tOr('problem.file.' + p.file, p.file), p.line ? t('problem.line', p.line) : '', field, problemReason(p));
  }

  /**
   * A setting's name as the settings form shows it: the policy's labels (js.policy.*), a bus type's or depot's
   * column by its place in the list (busTypes[0].seats), a per-grade entry (gradeWalkThreshold_m[3]); else the path.
   */
  function settingName(path) {
    if (('policy.' + path) in messages) return t('policy.' + path);
    const item = path.match(/^(busTypes|depots)\[(\d+)\]\.(\w+)$/);
    if (item) {
      const column = tOr('problem.settingName.' + item[3], tOr('settings.' + item[3], item[3]));
      return t('problem.' + item[1] + 'Item', Number(item[2]) + 1, column);
    }
    const entry = path.match(/^(\w+)\[(\w+)\]$/);
    if (entry && ('policy.' + entry[1]) in messages) return t('problem.settingEntry', t('policy.' + entry[1]), entry[2]);
    return tOr('problem.settingName.' + path, path);
  }

  // The page's texts, from its JSON data blocks (the CSP allows no inline script): the bundle's "js." keys
  // for every page, and a page's own block.
  const bundle = document.getElementById('xiaoche-messages');
  const messages = bundle ? JSON.parse(bundle.textContent) : {};
  const texts = document.getElementById('xiaoche-text');
  if (texts) window.XIAOCHE_TEXT = JSON.parse(texts.textContent);

  /** The bundle's text for key with {0}, {1}… filled in; a missing key shows as itself (the zh-CN page test catches it). */
  function t(key, ...args) {
    const template = key in messages ? messages[key] : key;
    return template.replace(/\{(\d)\}/g, (m, i) => args[Number(i)] == null ? '' : String(args[Number(i)]));
  }

  /** The bundle's text for key if there is one, else null: for codes that may be new to the page. */
  function tOr(key, fallback) {
    return key in messages ? messages[key] : fallback;
  }

  window.Xiaoche = { api, followJob, problemList, errorText, t, tOr, showError, showMessage, confirmAction, when };
})();
