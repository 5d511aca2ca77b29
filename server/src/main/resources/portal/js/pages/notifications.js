// Notification rules (Discord, signed webhooks): create, send a test, pause or resume, delete,
// and each rule's delivery log.

import * as api from '../api.js';
import { badge, field, h, input, list, onSubmit, select, show, statusLine, table, when } from '../dom.js';

export async function render({ body, account }) {
  const base = `/accounts/${api.seg(account)}/notifications`;
  const line = statusLine();
  const listing = h('div');
  const log = h('div', { id: 'deliveries' });
  const secret = h('div');

  async function refresh() {
    const rules = await api.all(base);
    listing.replaceChildren(
      table('Notification rules', ['Name', 'Kind', 'Endpoint', 'Events', 'Servers', 'State', 'Actions'], rules.map((rule) => [
        h('strong', {}, rule.name), rule.kind, h('code', {}, rule.url),
        rule.event_types.length ? rule.event_types.join(', ') : 'all but heartbeats',
        rule.servers.length ? rule.servers.join(', ') : 'all',
        h('span', {}, badge(rule.status), rule.paused_reason ? ` ${rule.paused_reason}` : ''),
        actions(rule),
      ]), 'No notification rule yet.'),
    );
  }

  function button(text, label, kind, action) {
    const element = h('button', { type: 'button', class: kind, 'aria-label': label }, text);
    element.addEventListener('click', async () => {
      try {
        await action();
      } catch (error) {
        show(line, error);
      }
    });
    return element;
  }

  function actions(rule) {
    const path = `${base}/${api.seg(rule.id)}`;
    return h(
      'div',
      { class: 'inline' },
      button('Send test', `Send a test notification to ${rule.name}`, 'secondary', async () => {
        const delivery = await api.post(`${path}/test`);
        show(line, `Test to ${rule.name}: ${delivery.outcome}${delivery.http_status ? ` (HTTP ${delivery.http_status})` : ''}. ${delivery.excerpt || ''}`);
        await deliveries(rule);
      }),
      button('Deliveries', `Show the deliveries of ${rule.name}`, 'secondary', () => deliveries(rule)),
      button(rule.status === 'paused' ? 'Resume' : 'Pause', `${rule.status === 'paused' ? 'Resume' : 'Pause'} ${rule.name}`, 'secondary', async () => {
        await api.patch(path, { paused: rule.status !== 'paused' });
        await refresh();
      }),
      button('Delete', `Delete ${rule.name}`, 'danger', async () => {
        if (!confirm(`Delete the rule ${rule.name}?`)) return;
        await api.del(path);
        show(line, `Rule ${rule.name} deleted.`);
        log.replaceChildren();
        await refresh();
      }),
    );
  }

  async function deliveries(rule) {
    const page = await api.get(`${base}/${api.seg(rule.id)}/deliveries?limit=50`);
    log.replaceChildren(h('section', { 'aria-labelledby': 'dl-h' },
      h('h2', { id: 'dl-h' }, `Delivery log of ${rule.name}`),
      table(`Deliveries of ${rule.name}, newest first`, ['When', 'Event', 'Attempt', 'Outcome', 'HTTP', 'Answer'], page.items.map((delivery) => [
        when(delivery.at), delivery.event_type, String(delivery.attempt), badge(delivery.outcome),
        delivery.http_status === null ? '—' : String(delivery.http_status), delivery.excerpt,
      ]), 'Nothing delivered yet.'),
    ));
  }

  const form = h(
    'form',
    { class: 'stack-form' },
    field('Name', input('name', { autocomplete: 'off' })),
    field('Kind', select('kind', [['discord', 'Discord webhook'], ['webhook', 'signed webhook']])),
    field('URL', input('url', { type: 'url', required: true, autocomplete: 'off' })),
    field('Event types', input('event_types', { autocomplete: 'off' }), 'Comma-separated, e.g. player.banned, match.*; empty: all but heartbeats.'),
    field('Servers', input('servers', { autocomplete: 'off' }), 'Comma-separated ids; empty: all.'),
    field('Message template (optional)', h('textarea', { name: 'template', rows: 2 }), 'e.g. {{player}} was banned on {{server}}'),
    field('At most per minute', input('rate', { type: 'number', min: 1, max: 600, value: 30 })),
    h('button', { type: 'submit' }, 'Create rule'),
  );
  onSubmit(form, line, async (data) => {
    const rule = { kind: data.get('kind'), url: data.get('url').trim(), event_types: list(data.get('event_types')), servers: list(data.get('servers')) };
    if (data.get('name').trim()) rule.name = data.get('name').trim();
    if (data.get('template').trim()) rule.template = data.get('template').trim();
    if (data.get('rate')) rule.rate_per_minute = Number(data.get('rate'));
    const created = await api.post(base, rule);
    show(line, `Rule ${created.notification.name} created.`);
    secret.replaceChildren(
      created.secret
        ? h('section', { class: 'secrets' }, h('p', { class: 'warning' }, 'Signing secret, shown once: '), h('code', {}, created.secret))
        : '',
    );
    form.reset();
    await refresh();
  });
  body.replaceChildren(
    h('section', { 'aria-labelledby': 'nr-h' }, h('h2', { id: 'nr-h' }, 'Rules'), line, listing),
    log,
    h('section', { 'aria-labelledby': 'nn-h' }, h('h2', { id: 'nn-h' }, 'New rule'), form, secret),
  );
  await refresh();
}
