// Sharing: the events of some servers granted to another account (read-only), and taking it back.

import * as api from '../api.js';
import { field, h, input, onSubmit, show, statusLine, table, when } from '../dom.js';

export async function render({ body, account }) {
  const base = `/accounts/${api.seg(account)}`;
  const servers = (await api.all(`${base}/servers`)).map((server) => server.id);
  const line = statusLine();
  const listing = h('div');

  async function refresh() {
    const shares = await api.all(`${base}/shares`);
    listing.replaceChildren(
      table(
        'Shares',
        ['Shared with', 'Servers', 'Since', ''],
        shares.map((share) => {
          const stop = h('button', { type: 'button', class: 'danger', 'aria-label': `Stop sharing with ${share.grantee}` }, 'Stop sharing');
          stop.addEventListener('click', async () => {
            try {
              await api.del(`${base}/shares/${api.seg(share.id)}`);
              show(line, `No longer shared with ${share.grantee}.`);
              refresh();
            } catch (error) {
              show(line, error);
            }
          });
          return [share.grantee, share.servers.join(', '), when(share.created_at), stop];
        }),
        'Nothing is shared.',
      ),
    );
  }

  const boxes = servers.map((id, i) =>
    h('div', { class: 'check' }, h('input', { type: 'checkbox', name: 'servers', value: id, id: `share-${i}` }), h('label', { for: `share-${i}` }, id)),
  );
  const form = h(
    'form',
    { class: 'stack-form' },
    field('Account to share with', input('grantee', { required: true, autocomplete: 'off' })),
    h('fieldset', {}, h('legend', {}, 'Servers whose events it may read'), ...(boxes.length ? boxes : [h('p', {}, 'Register a server first.')])),
    h('button', { type: 'submit' }, 'Share'),
  );
  onSubmit(form, line, async (data) => {
    const share = { grantee: data.get('grantee'), servers: data.getAll('servers') };
    await api.post(`${base}/shares`, share);
    show(line, `Shared ${share.servers.join(', ')} with ${share.grantee}.`);
    form.reset();
    refresh();
  });
  body.replaceChildren(
    h('section', { 'aria-labelledby': 'sh-h' }, h('h2', { id: 'sh-h' }, 'Shared with other accounts'), listing),
    h('section', { 'aria-labelledby': 'sh-new' }, h('h2', { id: 'sh-new' }, 'Share events'), form, line),
  );
  await refresh();
}
