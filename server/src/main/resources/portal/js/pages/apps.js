// Authorized apps: what the account's owners gave third-party apps over OAuth, and taking it back.
// Revoking ends the app's REST access from its next request and drops its NATS connections.

import * as api from '../api.js';
import { h, show, statusLine, table, when } from '../dom.js';

export async function render({ body, account }) {
  const base = `/accounts/${api.seg(account)}/oauth/grants`;
  const line = statusLine();
  const listing = h('div');

  function state(grant) {
    if (grant.revoked_at) return `revoked ${when(grant.revoked_at)}`;
    if (Date.parse(grant.expires_at) <= Date.now()) return 'expired';
    return `until ${when(grant.expires_at)}`;
  }

  async function refresh() {
    const grants = await api.all(base);
    listing.replaceChildren(
      table(
        'Apps authorized for this account',
        ['App', 'May', 'Given', 'Last used', 'Status', ''],
        grants.map((grant) => {
          let action = '';
          if (!grant.revoked_at) {
            action = h('button', { type: 'button', class: 'danger', 'aria-label': `Revoke ${grant.client_name}` }, 'Revoke');
            action.addEventListener('click', async () => {
              try {
                await api.del(`${base}/${api.seg(grant.id)}`);
                show(line, `${grant.client_name} no longer has access.`);
                refresh();
              } catch (error) {
                show(line, error);
              }
            });
          }
          return [
            grant.client_name,
            grant.scope,
            `${when(grant.created_at)} by ${grant.owner}`,
            grant.last_used_at ? when(grant.last_used_at) : 'never',
            state(grant),
            action,
          ];
        }),
        'No app is authorized.',
      ),
    );
  }

  body.replaceChildren(
    h(
      'section',
      { 'aria-labelledby': 'apps-h' },
      h('h2', { id: 'apps-h' }, 'Authorized apps'),
      h('p', {}, 'Third-party apps you allowed to read this account. Revoking one ends its access within a second.'),
      listing,
      line,
    ),
  );
  await refresh();
}
