// Charts of our own in SVG: no library, no CDN. A chart is drawn at the width its container has
// (so its text stays at the page's size on a phone) and says its numbers in text too: the SVG's
// title and description, read by screen readers, and a one-line summary under it.

import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 180;
const MARGIN = { top: 10, right: 10, bottom: 24, left: 40 };

/** The ranges of the API's time series, with their button labels. */
export const RANGES = [
  ['hour', 'Last hour'],
  ['day', 'Last day'],
  ['week', 'Last week'],
];

function svg(tag, attrs = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) {
    element.setAttribute(name, String(value));
  }
  element.append(...children);
  return element;
}

// 0, 1, 2, 5, 10, 20, 50...: the smallest such top at or above `max`.
function niceTop(max) {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (max <= step * power) return step * power;
  }
  return 10 * power;
}

function tick(at, range) {
  const date = new Date(at);
  return range === 'week'
    ? date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric' })
    : date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/**
 * A chart of `points` (`[{at, ...}]`, oldest first, evenly spaced) for `range`. `lines` are drawn
 * as lines (`{key, label, css}`), `bars` (`{key, label, css}`) as bars; `title` names it.
 */
export function chart({ title, points, range, lines = [], bars = null, width = 600 }) {
  const w = Math.max(260, Math.round(width));
  const plotW = w - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const keys = [...lines.map((line) => line.key), ...(bars ? [bars.key] : [])];
  const max = niceTop(Math.max(0, ...points.flatMap((point) => keys.map((key) => point[key] || 0))));
  const n = Math.max(1, points.length);
  const x = (i) => MARGIN.left + (plotW * (i + 0.5)) / n;
  const y = (value) => MARGIN.top + plotH - (plotH * value) / max;

  const titleId = `chart-${Math.random().toString(36).slice(2)}`;
  const last = points[points.length - 1] || {};
  const summary = [...lines, ...(bars ? [bars] : [])]
    .map((series) => {
      const values = points.map((point) => point[series.key] || 0);
      const total = values.reduce((a, b) => a + b, 0);
      return series.total
        ? `${series.label}: ${total} in all`
        : `${series.label}: ${last[series.key] ?? 0} now, at most ${Math.max(0, ...values)}`;
    })
    .join('; ');

  // Counts: the middle line only where it falls on a whole number.
  const grid = [0, max / 2, max].filter(Number.isInteger).map((value) =>
    svg(
      'g',
      {},
      svg('line', { class: 'grid', x1: MARGIN.left, x2: w - MARGIN.right, y1: y(value), y2: y(value) }),
      svg('text', { class: 'axis', x: MARGIN.left - 6, y: y(value) + 4, 'text-anchor': 'end' }, String(value)),
    ),
  );
  const ticks = points.length
    ? [0, Math.floor((points.length - 1) / 2), points.length - 1].map((i, k) =>
        svg(
          'text',
          { class: 'axis', x: x(i), y: HEIGHT - 6, 'text-anchor': ['start', 'middle', 'end'][k] },
          tick(points[i].at, range),
        ),
      )
    : [];
  const drawn = [];
  if (bars) {
    const barW = Math.max(1, (plotW / n) * 0.8);
    points.forEach((point, i) => {
      const value = point[bars.key] || 0;
      if (value > 0) {
        drawn.push(svg('rect', { class: `bar-${bars.css}`, x: x(i) - barW / 2, y: y(value), width: barW, height: y(0) - y(value) }));
      }
    });
  }
  for (const line of lines) {
    const d = points.map((point, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)} ${y(point[line.key] || 0).toFixed(1)}`).join(' ');
    drawn.push(svg('path', { class: `line-${line.css}`, d, 'data-series': line.key }));
  }
  const picture = svg(
    'svg',
    { class: 'chart', role: 'img', 'aria-labelledby': titleId, width: w, height: HEIGHT, viewBox: `0 0 ${w} ${HEIGHT}` },
    svg('title', { id: titleId }, `${title}. ${summary}.`),
    ...grid,
    ...drawn,
    ...ticks,
  );
  const legend = [...lines, ...(bars ? [bars] : [])].map((series) =>
    h('span', { class: 'legend-item' }, h('span', { class: `swatch swatch-${series.css}`, 'aria-hidden': 'true' }), series.label),
  );
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title, ' ', ...legend), picture, h('p', { class: 'chart-summary' }, summary));
}

/**
 * Three buttons (hour, day, week) that call `onPick(range)`; the pressed one is `current`.
 * Answers the group.
 */
export function rangePicker(label, current, onPick) {
  const buttons = RANGES.map(([range, text]) =>
    h('button', { type: 'button', class: 'secondary', 'aria-pressed': String(range === current), 'data-range': range, onclick: () => pick(range) }, text),
  );
  function pick(range) {
    buttons.forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.range === range)));
    onPick(range);
  }
  return h('div', { class: 'inline range-picker', role: 'group', 'aria-label': label }, ...buttons);
}

/**
 * A section headed `heading` with a range picker and the chart `options(range)` answers (its
 * promise), drawn for `hour` once the section is in the page, at the width it has there.
 */
export function chartSection(heading, id, options) {
  const holder = h('div', { class: 'charts' });
  const line = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  async function draw(range) {
    try {
      const chosen = await options(range);
      holder.replaceChildren(chart({ ...chosen, range, width: holder.clientWidth || 600 }));
      line.textContent = '';
      line.classList.remove('error');
    } catch (error) {
      line.textContent = error.message;
      line.classList.add('error');
    }
  }
  requestAnimationFrame(() => draw('hour'));
  return h(
    'section',
    { 'aria-labelledby': id },
    h('h2', { id }, heading),
    h('div', { class: 'inline controls' }, rangePicker('Time range', 'hour', draw)),
    line,
    holder,
  );
}
