// Operator: every account with its plan, plan changes, new accounts, and the plans themselves.

import * as api from '../api.js';
import { bytes, field, h, input, onSubmit, select, show, statusLine, table, when } from '../dom.js';
import { pickAccount } from '../session.js';

export async function render({ body }, notice = '') {
  const [plans, accounts] = await Promise.all([api.get('/plans'), api.all('/accounts')]);
  const names = plans.items.map((plan) => plan.name);
  const line = statusLine();

  const rows = accounts.map((account) => {
    const plan = select('plan', names, { 'aria-label': `Plan of ${account.name}` });
    plan.value = account.plan;
    const change = h('button', { type: 'button', class: 'secondary' }, 'Change plan');
    change.addEventListener('click', async () => {
      try {
        await api.patch(`/accounts/${api.seg(account.name)}`, { plan: plan.value });
        show(line, `${account.name} is now on plan ${plan.value}.`);
      } catch (error) {
        show(line, error);
      }
    });
    const open = h('button', { type: 'button' }, 'Open');
    open.addEventListener('click', () => {
      pickAccount(account.name);
      location.hash = '#/overview';
    });
    return [
      account.name,
      account.description || '',
      h('div', { class: 'inline nowrap' }, plan, change),
      when(account.created_at),
      open,
    ];
  });

  const form = h(
    'form',
    { class: 'inline-form' },
    field('Name', input('name', { required: true, pattern: '[a-z0-9][a-z0-9_-]{0,62}', autocomplete: 'off' }), 'Lower case letters, digits, - and _.'),
    field('Plan', select('plan', names)),
    field('Description', input('description', { autocomplete: 'off' })),
    h('button', { type: 'submit' }, 'Create account'),
  );
  const created = statusLine();
  onSubmit(form, created, async (data) => {
    const body = { name: data.get('name'), plan: data.get('plan') };
    if (data.get('description')) body.description = data.get('description');
    await api.post('/accounts', body);
    await render({ body: bodyOf(form) }, `Account ${body.name} created.`);
  });
  show(created, notice);

  body.replaceChildren(
    h('section', { 'aria-labelledby': 'acc-h' }, h('h2', { id: 'acc-h' }, 'Accounts'), line,
      table('Accounts', ['Name', 'Description', 'Plan', 'Created', ''], rows, 'No accounts yet.')),
    h('section', { 'aria-labelledby': 'new-h' }, h('h2', { id: 'new-h' }, 'New account'), form, created),
    h('section', { 'aria-labelledby': 'plans-h' }, h('h2', { id: 'plans-h' }, 'Plans'),
      table('Plans', ['Plan', 'Disk', 'Memory', 'Connections', 'Keeps events', 'API requests/min'],
        plans.items.map((plan) => [
          plan.name,
          bytes(plan.disk_storage),
          bytes(plan.memory_storage),
          plan.connections,
          `${Math.round(plan.event_max_age_seconds / 86400)} days`,
          plan.api_requests_per_minute,
        ]))),
  );
}

const bodyOf = (node) => node.closest('.page-body');
