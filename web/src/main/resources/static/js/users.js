// The users page (admins): list, create, change role, disable / enable, reset password.
(function () {
  'use strict';
  const T = window.XIAOCHE_TEXT;
  const ROLES = ['planner', 'viewer', 'operator', 'admin'];
  const tbody = document.querySelector('#user-list tbody');
  const message = document.getElementById('users-message');
  const me = document.getElementById('current-user-name').textContent;

  function say(text) {
    message.textContent = text;
  }

  /** The API's refusal in the page's language: by its code where we have words for it. */
  function failed(e) {
    const code = e.body && e.body.code;
    say(T.failed + ((code && T.errors[code]) || e.message));
  }

  function fillRoles(select) {
    ROLES.forEach(code => {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = T.roles[code];
      select.appendChild(option);
    });
  }

  function roleSelect(user) {
    const select = document.createElement('select');
    select.className = 'user-role';
    fillRoles(select);
    select.value = user.role;
    select.disabled = user.username === me;
    select.addEventListener('change', () => act(() => Xiaoche.api('/api/users/' + user.id + '/role', {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role: select.value })
    })));
    return select;
  }

  function button(cls, text, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  async function act(call) {
    try {
      await call();
      say(T.saved);
    } catch (e) {
      failed(e);
    }
    await load();
  }

  function row(user) {
    const tr = document.createElement('tr');
    tr.dataset.username = user.username;
    tr.dataset.enabled = String(user.enabled);
    const name = document.createElement('td');
    name.textContent = user.username + (user.username === me ? ' ' + T.self : '');
    const role = document.createElement('td');
    role.appendChild(roleSelect(user));
    const state = document.createElement('td');
    state.className = 'user-state';
    state.textContent = user.enabled ? T.enabled : T.disabled;
    const created = document.createElement('td');
    created.textContent = new Date(user.createdAt).toLocaleString(document.documentElement.lang || undefined);
    const actions = document.createElement('td');
    if (user.username !== me) {
      actions.appendChild(button('user-toggle', user.enabled ? T.disable : T.enable, () => act(() =>
        Xiaoche.api('/api/users/' + user.id + (user.enabled ? '/disable' : '/enable'), { method: 'POST' }))));
    }
    actions.appendChild(button('user-reset', T.reset, async () => {
      if (!window.confirm(T.resetConfirm)) return;
      try {
        const reset = await Xiaoche.api('/api/users/' + user.id + '/password-reset', { method: 'POST' });
        document.getElementById('reset-username').textContent = reset.username;
        document.getElementById('reset-password').textContent = reset.oneTimePassword;
        document.getElementById('reset-result').hidden = false;
        say('');
      } catch (e) {
        failed(e);
      }
    }));
    [name, role, state, created, actions].forEach(td => tr.appendChild(td));
    return tr;
  }

  async function load() {
    const users = await Xiaoche.api('/api/users');
    tbody.replaceChildren(...users.map(row));
  }

  fillRoles(document.getElementById('new-role'));
  const form = document.getElementById('user-create-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    await act(async () => {
      await Xiaoche.api('/api/users', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: data.get('username'), password: data.get('password'), role: data.get('role') })
      });
      form.reset();
    });
  });
  load().catch(failed);
})();
