// The message box: Enter sends, Shift+Enter breaks the line, Esc cancels a reply or an edit,
// Up arrow in an empty box edits one's last message.
import { fill, h } from './dom.js';

export class Composer {
  constructor(view) {
    this.view = view;
    this.mode = null;
    this.target = null;
    this.bar = h('div', { class: 'compose-bar', hidden: true });
    this.error = h('div', { class: 'form-error', role: 'alert' });
    this.input = h('textarea', {
      rows: 1, class: 'compose', placeholder: 'Message ' + (view.channel.mark || '#') + view.channel.name,
      'aria-label': 'Message ' + (view.channel.mark || '#') + view.channel.name, maxlength: 2000,
    });
    this.input.addEventListener('keydown', e => this.key(e));
    this.input.addEventListener('input', () => {
      this.autosize();
      if (this.mode !== 'edit' && this.input.value) view.startTyping();
    });
    this.el = h('form', { class: 'composer', 'aria-label': 'Send a message', onsubmit: e => { e.preventDefault(); this.submit(); } },
      this.bar, this.error, h('div', { class: 'compose-row' }, this.input,
        h('button', { type: 'submit', class: 'primary', 'aria-label': 'Send' }, 'Send')));
  }

  focus() {
    this.input.focus();
  }

  key(e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.submit();
    } else if (e.key === 'Escape' && this.mode) {
      e.preventDefault();
      this.cancel();
    } else if (e.key === 'ArrowUp' && !this.input.value) {
      const last = this.view.lastOwn();
      if (last) {
        e.preventDefault();
        this.edit(last);
      }
    }
  }

  reply(message) {
    this.mode = 'reply';
    this.target = message;
    const name = this.view.chat.memberName(message.author?.id, message.author?.username);
    this.showBar('Replying to ' + name);
    this.focus();
  }

  edit(message) {
    this.mode = 'edit';
    this.target = message;
    this.input.value = message.content || '';
    this.autosize();
    this.showBar('Editing message');
    this.focus();
  }

  showBar(text) {
    fill(this.bar, h('span', {}, text), h('span', { class: 'muted' }, ' — Esc to cancel'),
      h('button', { type: 'button', class: 'link', 'aria-label': 'Cancel', onclick: () => this.cancel() }, '✕'));
    this.bar.hidden = false;
  }

  cancel() {
    if (this.mode === 'edit') this.input.value = '';
    this.mode = null;
    this.target = null;
    this.bar.hidden = true;
    this.autosize();
  }

  async submit() {
    const content = this.input.value.trim();
    if (!content) return;
    this.error.textContent = '';
    const { mode, target } = this;
    try {
      if (mode === 'edit') await this.view.edit(target, content);
      else await this.view.send(content, mode === 'reply' ? target : null);
      this.input.value = '';
      this.cancel();
    } catch (e) {
      this.error.textContent = e.fieldError?.('content') || e.message;
    }
  }

  autosize() {
    this.input.style.height = 'auto';
    this.input.style.height = Math.min(this.input.scrollHeight + 2, 200) + 'px';
    this.input.style.overflowY = this.input.scrollHeight > 200 ? 'auto' : 'hidden';
  }
}
