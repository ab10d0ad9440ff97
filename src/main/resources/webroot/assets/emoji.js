// The emoji picker: common unicode emoji and the guild's own (inserted as <:name:id>, reacted
// with as name:id). A small popover; Esc or a click outside closes it.
import { h } from './dom.js';
import { directory } from './directory.js';
import { customEmojiUrl } from './mentions.js';

const COMMON = ['😀', '😂', '🙂', '😉', '😍', '😎', '🤔', '😢', '😡', '👍', '👎', '👏', '🙏', '🎉', '❤️', '🔥',
  '✅', '❌', '👀', '💯', '🚀', '☕', '🍕', '🌟'];

let current = null;

/** Opens the picker next to anchor; onPick({ text, reaction }) with the text to insert and the reaction key. */
export function openEmojiPicker(anchor, onPick) {
  closeEmojiPicker();
  const choose = (text, reaction) => { closeEmojiPicker(); onPick({ text, reaction }); };
  const custom = directory.guildEmojis();
  const button = (label, content, action) => h('button', { type: 'button', class: 'emoji-choice', role: 'gridcell',
    'aria-label': label, title: label, onclick: action }, content);
  const picker = h('div', { class: 'emoji-picker', role: 'dialog', 'aria-label': 'Emoji picker' },
    h('div', { class: 'emoji-grid', role: 'grid', 'aria-label': 'Emoji' },
      COMMON.map(e => button(e, e, () => choose(e, e)))),
    custom.length ? h('h3', {}, 'This server') : null,
    custom.length ? h('div', { class: 'emoji-grid', role: 'grid', 'aria-label': 'Server emoji' },
      custom.map(e => button(':' + e.name + ':',
        h('img', { class: 'emoji', src: customEmojiUrl(e.id, e.animated), alt: ':' + e.name + ':' }),
        () => choose(`<${e.animated ? 'a' : ''}:${e.name}:${e.id}>`, `${e.name}:${e.id}`)))) : null);
  const onKey = e => { if (e.key === 'Escape') { e.preventDefault(); closeEmojiPicker(); anchor.focus(); } };
  const onOutside = e => { if (!picker.contains(e.target) && e.target !== anchor) closeEmojiPicker(); };
  picker.addEventListener('keydown', onKey);
  document.addEventListener('mousedown', onOutside);
  const rect = anchor.getBoundingClientRect();
  document.body.append(picker);
  const top = Math.max(8, rect.top - picker.offsetHeight - 6);
  picker.style.top = top + 'px';
  picker.style.left = Math.max(8, Math.min(rect.right - picker.offsetWidth, innerWidth - picker.offsetWidth - 8)) + 'px';
  current = { picker, onOutside };
  picker.querySelector('button')?.focus();
}

export function closeEmojiPicker() {
  if (!current) return;
  current.picker.remove();
  document.removeEventListener('mousedown', current.onOutside);
  current = null;
}
