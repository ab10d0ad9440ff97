// A Markdown subset (Discord's): code blocks, quotes, bold, italics, strikethrough, inline code,
// spoilers, links. Everything is built as DOM nodes from text; nothing is parsed as HTML.
import { h, link } from './dom.js';
import { MENTION_PATTERNS } from './mentions.js';

const INLINE = [
  ...MENTION_PATTERNS,
  [/`([^`\n]+)`/, m => h('code', {}, m[1])],
  [/\*\*([\s\S]+?)\*\*/, m => h('strong', {}, inline(m[1]))],
  [/__([\s\S]+?)__/, m => h('u', {}, inline(m[1]))],
  [/~~([\s\S]+?)~~/, m => h('s', {}, inline(m[1]))],
  [/\|\|([\s\S]+?)\|\|/, m => spoiler(inline(m[1]))],
  [/\*(?!\s)([\s\S]+?)\*|\b_(?!\s)([\s\S]+?)_\b/, m => h('em', {}, inline(m[1] ?? m[2]))],
  [/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/, m => link(m[2], m[1])],
  [/https?:\/\/[^\s<]*[^\s<.,:;"')\]!?]/, m => link(m[0], m[0])],
];

/** Nodes for a message's content. */
export function render(text) {
  const out = [];
  const fence = /```(?:([\w+-]{1,20})\n)?([\s\S]*?)```/g;
  let last = 0;
  for (const m of text.matchAll(fence)) {
    out.push(...blocks(text.slice(last, m.index)));
    out.push(h('pre', { class: 'codeblock', 'data-lang': m[1] || undefined }, h('code', {}, m[2].replace(/^\n|\n$/g, ''))));
    last = m.index + m[0].length;
  }
  out.push(...blocks(text.slice(last)));
  return out;
}

function blocks(text) {
  const out = [];
  let quote = [];
  let plain = [];
  const flushPlain = () => {
    if (plain.length) out.push(...lines(plain));
    plain = [];
  };
  const flushQuote = () => {
    if (quote.length) out.push(h('blockquote', {}, lines(quote)));
    quote = [];
  };
  for (const line of text.split('\n')) {
    const quoted = /^> ?(.*)$/.exec(line);
    if (quoted) {
      flushPlain();
      quote.push(quoted[1]);
    } else {
      flushQuote();
      plain.push(line);
    }
  }
  flushPlain();
  flushQuote();
  return out;
}

function lines(list) {
  const out = [];
  list.forEach((line, i) => {
    if (i > 0) out.push(h('br'));
    out.push(...inline(line));
  });
  return out;
}

export function inline(text) {
  const out = [];
  let rest = text;
  while (rest) {
    let best = null;
    for (const [pattern, build] of INLINE) {
      const m = pattern.exec(rest);
      if (m && (best === null || m.index < best.m.index)) best = { m, build };
    }
    if (!best) {
      out.push(document.createTextNode(rest));
      break;
    }
    if (best.m.index > 0) out.push(document.createTextNode(rest.slice(0, best.m.index)));
    out.push(best.build(best.m));
    rest = rest.slice(best.m.index + best.m[0].length);
  }
  return out;
}

function spoiler(children) {
  const el = h('span', { class: 'spoiler', role: 'button', tabindex: '0', 'aria-label': 'Spoiler, activate to reveal' },
    children);
  const reveal = () => {
    el.classList.add('revealed');
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
  };
  el.addEventListener('click', reveal);
  el.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') reveal(); });
  return el;
}
