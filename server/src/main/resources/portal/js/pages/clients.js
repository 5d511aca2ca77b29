// Operator: the third-party apps (OAuth clients) that owners may authorize; register and delete.
// A confidential app's secret is shown once, right after registration.

import * as api from '../api.js';
import { field, h, input, onSubmit, select, show, statusLine, table, when } from '../dom.js';

export async function render({ body }) {
  const line = statusLine();
  const listing = h('div');

  async function refresh() {
    const clients = await api.all('/oauth/clients');
    listing.replaceChildren(
      table(
        'Registered apps',
        ['App', 'Client id', 'Type', 'May ask', 'Redirect URIs', 'Registered', ''],
        clients.map((client) => {
          const remove = h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${client.name}` }, 'Delete');
          remove.addEventListener('click', async () => {
            try {
              await api.del(`/oauth/clients/${api.seg(client.client_id)}`);
              show(line, `${client.name} deleted; its grants are revoked.`);
              refresh();
            } catch (error) {
              show(line, error);
            }
          });
          return [client.name, client.client_id, client.type, client.scopes.join(' '), client.redirect_uris.join(' '), when(client.created_at), remove];
        }),
        'No app is registered.',
      ),
    );
  }

  const secret = h('output', { id: 'client-secret' });
  const form = h(
    'form',
    { class: 'stack-form' },
    field('Name', input('name', { required: true, autocomplete: 'off' }), 'Shown to owners on the consent page.'),
    field('Homepage', input('homepage', { required: true, type: 'url' })),
    field('Redirect URI', input('redirect_uri', { required: true, type: 'url' }), 'Compared exactly; https, or http on a loopback address.'),
    field('Type', select('type', ['confidential', 'public'])),
    h('div', { class: 'check' }, h('input', { type: 'checkbox', name: 'commands', id: 'client-commands' }), h('label', { for: 'client-commands' }, 'May ask to send commands')),
    h('button', { type: 'submit' }, 'Register app'),
  );
  onSubmit(form, line, async (data) => {
    const created = await api.post('/oauth/clients', {
      name: data.get('name'),
      homepage: data.get('homepage'),
      redirect_uris: [data.get('redirect_uri')],
      scopes: data.get('commands') ? ['events:read', 'commands:send'] : ['events:read'],
      type: data.get('type'),
    });
    show(line, `${created.client.name} registered: client id ${created.client.client_id}.`);
    secret.textContent = created.client_secret ? `Secret (shown only now): ${created.client_secret}` : '';
    form.reset();
    refresh();
  });
  body.replaceChildren(
    h('section', { 'aria-labelledby': 'cl-h' }, h('h2', { id: 'cl-h' }, 'Registered apps'), listing),
    h('section', { 'aria-labelledby': 'cl-new' }, h('h2', { id: 'cl-new' }, 'Register an app'), form, line, secret),
  );
  await refresh();
}
