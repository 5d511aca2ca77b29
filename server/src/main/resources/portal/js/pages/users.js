// Users of the account: create (creds file and token shown once), revoke, rotate.

import * as api from '../api.js';
import { download, field, h, input, list, onSubmit, select, show, statusLine, table, when } from '../dom.js';

export async function render({ body, account }) {
  const base = `/accounts/${api.seg(account)}`;
  const servers = (await api.all(`${base}/servers`)).map((server) => server.id);
  const line = statusLine();
  const secrets = h('div');
  const listing = h('div');

  async function refresh() {
    const users = await api.all(`${base}/users`);
    listing.replaceChildren(
      table(
        'Users',
        ['Name', 'Kind', 'Scope', 'Created', 'Expires', 'State', 'Actions'],
        users.map((user) => [
          h('strong', {}, user.name),
          user.kind.replace('_', ' '),
          scope(user),
          when(user.created_at),
          when(user.expires_at),
          user.revoked_at ? `revoked ${when(user.revoked_at)}` : 'active',
          user.revoked_at ? '' : actions(user),
        ]),
        'No users yet.',
      ),
    );
  }

  function actions(user) {
    const rotate = h('button', { type: 'button', class: 'secondary' }, 'Rotate');
    rotate.setAttribute('aria-label', `Rotate the credentials of ${user.name}`);
    rotate.addEventListener('click', async () => {
      if (!confirm(`Rotate ${user.name}? Its current creds file and token stop working now.`)) return;
      try {
        showSecrets(await api.post(`${base}/users/${api.seg(user.name)}/rotate`));
        show(line, `${user.name} has new credentials; the old ones no longer work.`);
      } catch (error) {
        show(line, error);
      }
    });
    const revoke = h('button', { type: 'button', class: 'danger' }, 'Revoke');
    revoke.setAttribute('aria-label', `Revoke ${user.name}`);
    revoke.addEventListener('click', async () => {
      if (!confirm(`Revoke ${user.name}? Its connections are closed and its token refused.`)) return;
      try {
        await api.del(`${base}/users/${api.seg(user.name)}`);
        show(line, `${user.name} revoked.`);
        refresh();
      } catch (error) {
        show(line, error);
      }
    });
    return h('div', { class: 'inline' }, rotate, revoke);
  }

  function showSecrets(issued) {
    const name = issued.user.name;
    const token = h('input', { type: 'text', readonly: true, value: issued.token, id: 'new-token', spellcheck: 'false' });
    const copy = h('button', { type: 'button', class: 'secondary' }, 'Copy token');
    copy.addEventListener('click', async () => {
      token.select();
      try {
        await navigator.clipboard.writeText(issued.token);
        copy.textContent = 'Copied';
      } catch {
        copy.textContent = 'Select and copy';
      }
    });
    const save = h('button', { type: 'button', id: 'download-creds' }, `Download ${name}.creds`);
    save.addEventListener('click', () => download(`${name}.creds`, issued.creds));
    const forget = h('button', { type: 'button', class: 'secondary' }, 'I saved them: hide');
    forget.addEventListener('click', () => secrets.replaceChildren());
    secrets.replaceChildren(
      h(
        'section',
        { class: 'secrets', 'aria-labelledby': 'sec-h' },
        h('h2', { id: 'sec-h' }, `Credentials of ${name}`),
        h('p', { class: 'warning' }, 'Shown once: the platform keeps only hashes. Save the creds file (NATS) and the API token now.'),
        h('div', { class: 'inline' }, save),
        field('API token', token),
        h('div', { class: 'inline' }, copy, forget),
      ),
    );
    save.focus();
  }

  const kind = select('kind', [['game_server', 'game server'], ['app', 'app (read-only)'], ['owner', 'owner']]);
  const serverSelect = select('server', servers.length ? servers : [['', 'register a server first']]);
  const serverField = field('Server', serverSelect, 'The one server this credential may publish for.');
  const appFields = h(
    'div',
    { class: 'app-fields' },
    field('Servers it may read', input('servers', { autocomplete: 'off' }), 'Comma-separated ids; empty: all.'),
    field('Event types it may read', input('event_types', { autocomplete: 'off' }), 'Comma-separated, e.g. player.*; empty: all.'),
    h('div', { class: 'check' }, h('input', { type: 'checkbox', name: 'may_send_commands', id: 'may-send' }), h('label', { for: 'may-send' }, 'May send commands')),
  );
  const form = h(
    'form',
    { class: 'stack-form' },
    field('Name', input('name', { required: true, pattern: '[a-z0-9][a-z0-9_-]{0,62}', autocomplete: 'off' }), 'Lower case letters, digits, - and _.'),
    field('Kind', kind),
    serverField,
    appFields,
    field('Expires at (optional)', input('expires_at', { type: 'datetime-local' })),
    h('button', { type: 'submit' }, 'Create user'),
  );
  const kindChanged = () => {
    serverField.hidden = kind.value !== 'game_server';
    appFields.hidden = kind.value !== 'app';
  };
  kind.addEventListener('change', kindChanged);
  kindChanged();
  onSubmit(form, line, async (data) => {
    const user = { name: data.get('name'), kind: data.get('kind') };
    if (user.kind === 'game_server') user.server = data.get('server');
    if (user.kind === 'app') {
      user.servers = list(data.get('servers'));
      user.event_types = list(data.get('event_types'));
      user.may_send_commands = data.get('may_send_commands') === 'on';
    }
    if (data.get('expires_at')) user.expires_at = new Date(data.get('expires_at')).toISOString();
    const issued = await api.post(`${base}/users`, user);
    show(line, `User ${user.name} created.`);
    form.reset();
    kindChanged();
    showSecrets(issued);
    refresh();
  });

  body.replaceChildren(
    secrets,
    h('section', { 'aria-labelledby': 'new-u' }, h('h2', { id: 'new-u' }, 'New user'), form, line),
    h('section', { 'aria-labelledby': 'all-u' }, h('h2', { id: 'all-u' }, 'All users'), listing),
  );
  await refresh();
}

function scope(user) {
  if (user.kind === 'game_server') return `server ${user.server}`;
  if (user.kind === 'owner') return 'everything';
  const servers = user.servers.length ? user.servers.join(', ') : 'all servers';
  const types = user.event_types.length ? user.event_types.join(', ') : 'all types';
  return `${servers}; ${types}${user.may_send_commands ? '; sends commands' : ''}`;
}
