// Builds elements from text only: strings become text nodes, never markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'value') el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's children; null and false children are skipped, as in h(). */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** A link opened apart from this page; only http(s) (a root-relative path is this server's). */
export function link(href, ...children) {
  let url;
  try {
    url = new URL(href, location.origin);
  } catch {
    return document.createTextNode(children.join(''));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return document.createTextNode(children.join(''));
  return h('a', { href: url.href, target: '_blank', rel: 'noopener noreferrer' }, ...children);
}

export function formatTime(iso) {
  const date = new Date(iso);
  const today = new Date();
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return date.toDateString() === today.toDateString() ? `Today at ${time}` : `${date.toLocaleDateString()} ${time}`;
}

/** Snowflakes are 64-bit: compared as strings of digits, never as JS numbers. */
export function compareIds(a, b) {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}
