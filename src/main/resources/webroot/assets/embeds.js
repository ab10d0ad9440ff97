// Rich embeds (title, description, url, colour bar, fields, image, footer) and stickers in messages.
import { h, link } from './dom.js';
import { render } from './markdown.js';

export function embedElement(e) {
  const title = e.title ? (e.url ? link(e.url, e.title) : document.createTextNode(e.title)) : null;
  const el = h('article', { class: 'embed', 'aria-label': 'Embed' + (e.title ? ': ' + e.title : '') },
    e.author?.name ? h('div', { class: 'embed-author' }, e.author.name) : null,
    title ? h('div', { class: 'embed-title' }, title) : null,
    e.description ? h('div', { class: 'embed-description' }, render(e.description)) : null,
    e.fields?.length ? h('div', { class: 'embed-fields' }, e.fields.map(f => h('div', {
      class: 'embed-field' + (f.inline ? ' inline' : ''),
    }, h('div', { class: 'embed-field-name' }, f.name || ''), h('div', {}, render(f.value || ''))))) : null,
    e.image?.url ? imageLink(e.image.url, 'embed-image') : null,
    e.thumbnail?.url ? imageLink(e.thumbnail.url, 'embed-thumbnail') : null,
    e.footer?.text ? h('div', { class: 'embed-footer muted' }, e.footer.text) : null);
  if (Number.isInteger(e.color)) el.style.borderLeftColor = '#' + e.color.toString(16).padStart(6, '0');
  return el;
}

function imageLink(url, cls) {
  const a = link(url, h('img', { src: url, alt: '', class: cls, loading: 'lazy' }));
  return a;
}

export function stickerElement(s) {
  const ext = s.format_type === 4 ? 'gif' : 'png';
  return h('img', { class: 'sticker', src: `/stickers/${s.id}.${ext}`, alt: 'Sticker: ' + (s.name || ''),
    title: s.name || '', width: 160, height: 160 });
}
