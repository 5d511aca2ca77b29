// The account at a glance: its plan, usage against the plan's limits, servers, read models, and
// its events over time.

import * as api from '../api.js';
import { chartSection } from '../chart.js';
import { bar, bytes, h, when } from '../dom.js';

export async function render({ body, account }) {
  const base = `/accounts/${api.seg(account)}`;
  const [info, usage, servers, state] = await Promise.all([
    api.get(base),
    api.get(`${base}/usage`),
    api.get(`${base}/servers?limit=200`),
    api.get(`${base}/read-models`).catch(() => null),
  ]);
  const facts = h(
    'dl',
    { class: 'facts' },
    h('dt', {}, 'Account'), h('dd', {}, info.name),
    h('dt', {}, 'Plan'), h('dd', {}, info.plan),
    h('dt', {}, 'Created'), h('dd', {}, when(info.created_at)),
    h('dt', {}, 'Game servers'), h('dd', {}, String(servers.items.length) + (servers.next_cursor ? '+' : '')),
  );
  if (info.description) {
    facts.append(h('dt', {}, 'Description'), h('dd', {}, info.description));
  }
  if (state) {
    facts.append(
      h('dt', {}, 'Events applied'), h('dd', {}, String(state.applied_events)),
      h('dt', {}, 'History lag'), h('dd', {}, `${state.lag} event(s)`),
    );
  }
  body.replaceChildren(
    h('section', { 'aria-labelledby': 'ov-h' }, h('h2', { id: 'ov-h' }, 'Account'), facts),
    h(
      'section',
      { 'aria-labelledby': 'use-h', class: 'usage-list' },
      h('h2', { id: 'use-h' }, `Usage of plan ${usage.plan}`),
      bar('Disk (event log)', usage.disk.used, usage.disk.limit, bytes),
      bar('Memory', usage.memory.used, usage.memory.limit, bytes),
      bar('Connections', usage.connections.used, usage.connections.limit),
      bar('Streams', usage.streams.used, usage.streams.limit),
      bar('Consumers', usage.consumers.used, usage.consumers.limit),
    ),
    chartSection('Events over time', 'ev-h', async (range) => ({
      title: `Events per ${{ hour: 'minute', day: '5 minutes', week: 'hour' }[range]}, all servers`,
      points: (await api.get(`${base}/timeseries?range=${range}`)).points,
      bars: { key: 'events', label: 'Events', css: 'events', total: true },
    })),
  );
}
