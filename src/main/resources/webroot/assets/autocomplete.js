// @member and #channel completion in the composer: type @ or # and a prefix, pick with the arrow
// keys and Enter or Tab (or a click); Esc closes the list. Inserts <@id> or <#id>.
import { fill, h } from './dom.js';
import { directory } from './directory.js';

const TRIGGER = /(^|\s)([@#])([^\s@#<>]{0,32})$/;
const MAX = 8;

export class Autocomplete {
  constructor(input) {
    this.input = input;
    this.items = [];
    this.index = 0;
    this.list = h('ul', { class: 'autocomplete', role: 'listbox', 'aria-label': 'Suggestions', hidden: true });
    input.setAttribute('aria-autocomplete', 'list');
    input.addEventListener('input', () => this.update());
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  get open() {
    return !this.list.hidden;
  }

  update() {
    const before = this.input.value.slice(0, this.input.selectionStart);
    const m = TRIGGER.exec(before);
    if (!m) return this.close();
    const prefix = m[3].toLowerCase();
    this.start = before.length - m[2].length - m[3].length;
    this.items = m[2] === '@' ? this.members(prefix) : this.channels(prefix);
    if (!this.items.length) return this.close();
    this.index = 0;
    this.render();
  }

  members(prefix) {
    return directory.members()
      .map(mem => ({ id: mem.user.id, label: directory.userName(mem.user.id), extra: mem.user.username }))
      .filter(c => c.label.toLowerCase().startsWith(prefix) || c.extra.toLowerCase().startsWith(prefix))
      .sort((x, y) => x.label.localeCompare(y.label)).slice(0, MAX)
      .map(c => ({ ...c, text: `<@${c.id}> `, shown: '@' + c.label }));
  }

  channels(prefix) {
    return directory.channels().filter(c => c.name.toLowerCase().startsWith(prefix)).slice(0, MAX)
      .map(c => ({ id: c.id, text: `<#${c.id}> `, shown: '#' + c.name }));
  }

  render() {
    fill(this.list, this.items.map((item, i) => h('li', {
      role: 'option', id: 'ac-' + i, class: 'suggestion' + (i === this.index ? ' active' : ''),
      'aria-selected': i === this.index ? 'true' : 'false', 'data-id': item.id,
      onmousedown: e => { e.preventDefault(); this.pick(i); },
    }, item.shown, item.extra && item.extra !== item.label ? h('span', { class: 'muted' }, ' ', item.extra) : null)));
    this.list.hidden = false;
    this.input.setAttribute('aria-activedescendant', 'ac-' + this.index);
  }

  close() {
    this.list.hidden = true;
    this.input.removeAttribute('aria-activedescendant');
  }

  /** Handles a key while the list is open; true when it was used. */
  key(e) {
    if (!this.open) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.index = (this.index + step + this.items.length) % this.items.length;
      this.render();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      this.pick(this.index);
    } else if (e.key === 'Escape') {
      this.close();
    } else {
      return false;
    }
    e.preventDefault();
    return true;
  }

  pick(i) {
    const item = this.items[i];
    if (!item) return;
    const value = this.input.value;
    const end = this.input.selectionStart;
    this.input.value = value.slice(0, this.start) + item.text + value.slice(end);
    const caret = this.start + item.text.length;
    this.input.setSelectionRange(caret, caret);
    this.close();
    this.input.focus();
  }
}
