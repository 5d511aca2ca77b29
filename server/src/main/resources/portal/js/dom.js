// Small DOM helpers. Text from the API is always set as text, never parsed as HTML.

/** Makes an element: h('p', {class: 'x'}, 'text', child, ...). `on*` attributes add listeners. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let ids = 0;
/** A fresh id for label/input pairs. */
export const uid = (prefix = 'f') => `${prefix}-${++ids}`;

/** A labelled field: a label above an input (or select/textarea), with an optional hint. */
export function field(label, input, hint) {
  const id = input.id || uid();
  input.id = id;
  const children = [h('label', { for: id }, label), input];
  if (hint) {
    const hintId = `${id}-hint`;
    input.setAttribute('aria-describedby', hintId);
    children.push(h('small', { id: hintId, class: 'hint' }, hint));
  }
  return h('div', { class: 'field' }, ...children);
}

export const input = (name, attrs = {}) => h('input', { name, type: 'text', ...attrs });

export function select(name, options, attrs = {}) {
  return h(
    'select',
    { name, ...attrs },
    ...options.map((option) =>
      Array.isArray(option) ? h('option', { value: option[0] }, option[1]) : h('option', { value: option }, option),
    ),
  );
}

/** A table with a caption; `rows` are arrays of cells (strings or nodes). */
export function table(caption, headings, rows, empty = 'Nothing yet.') {
  if (rows.length === 0) {
    return h('p', { class: 'empty' }, empty);
  }
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h(
      'table',
      {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...headings.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell ?? ''))))),
    ),
  );
}

/** A region for the outcome of an action, read out by screen readers. */
export function statusLine() {
  return h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
}

/** Shows `text` in `line` as success or (for an Error) as an error. */
export function show(line, text) {
  const error = text instanceof Error;
  line.textContent = error ? text.message : text;
  line.classList.toggle('error', error);
  line.classList.toggle('ok', !error && Boolean(text));
}

/** Runs `action` when `form` is submitted; a thrown error is shown in `line`. */
export function onSubmit(form, line, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    try {
      await action(new FormData(form));
    } catch (error) {
      show(line, error);
    } finally {
      if (button) button.disabled = false;
    }
  });
}

/**
 * "1.5 GiB" for bytes: binary units (bytes / 1024^n, KiB, MiB, GiB), as the CLI and the broker's
 * limits count; whole numbers stay whole (plans are round), anything else gets one decimal.
 */
export function bytes(value) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let number = value;
  let unit = 0;
  while (number >= 1024 && unit < units.length - 1) {
    number /= 1024;
    unit++;
  }
  return `${Number.isInteger(number) ? number : number.toFixed(1)} ${units[unit]}`;
}

/** A short local time, or '—'. */
export function when(value) {
  if (!value) return '—';
  const date = new Date(value);
  return date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

/** A usage bar with its numbers in text (not only colour). */
export function bar(label, used, limit, format = String) {
  const percent = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  const level = percent >= 90 ? 'high' : percent >= 70 ? 'mid' : 'low';
  const id = uid('bar');
  const fill = h('span', { class: 'fill' });
  // Set through the CSSOM: the page's CSP forbids inline style attributes.
  fill.style.width = `${percent}%`;
  return h(
    'div',
    { class: 'usage' },
    h('span', { id, class: 'usage-label' }, label),
    h(
      'div',
      {
        class: `bar ${level}`,
        role: 'progressbar',
        'aria-labelledby': id,
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': percent,
        'aria-valuetext': `${format(used)} of ${format(limit)} (${percent}%)`,
      },
      fill,
    ),
    h('span', { class: 'usage-numbers' }, `${format(used)} / ${format(limit)} (${percent}%)`),
  );
}

/** A state badge: the word itself, coloured. */
export const badge = (state) => h('span', { class: `badge ${state}` }, state);

/** Offers `text` as a file download (the creds file), without it ever being in a URL. */
export function download(filename, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  const link = h('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Comma-separated text as a list; empty as []. */
export const list = (text) =>
  String(text || '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
