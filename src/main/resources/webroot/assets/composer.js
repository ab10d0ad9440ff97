// The message box: Enter sends, Shift+Enter breaks the line, Esc cancels a reply or an edit,
// Up arrow in an empty box edits one's last message. Files by the picker, drag-and-drop or paste
// (sent with upload progress), @/# completion, and the emoji picker.
import { fill, h } from './dom.js';
import { formatSize } from './attachments.js';
import { Autocomplete } from './autocomplete.js';
import { openEmojiPicker } from './emoji.js';

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
    this.files = [];
    this.autocomplete = new Autocomplete(this.input);
    this.input.addEventListener('keydown', e => this.autocomplete.key(e) || this.key(e));
    this.input.addEventListener('paste', e => {
      const files = [...(e.clipboardData?.files || [])];
      if (files.length) {
        e.preventDefault();
        this.addFiles(files);
      }
    });
    this.picker = h('input', { type: 'file', multiple: true, class: 'file-picker', tabindex: '-1', 'aria-label': 'Files to upload',
      onchange: () => { this.addFiles([...this.picker.files]); this.picker.value = ''; } });
    this.pending = h('ul', { class: 'pending-files', 'aria-label': 'Files to send', hidden: true });
    this.progress = h('progress', { class: 'upload-progress', max: '1', value: '0', 'aria-label': 'Upload progress', hidden: true });
    this.emojiButton = h('button', { type: 'button', class: 'emoji-button', 'aria-label': 'Emoji', title: 'Emoji',
      onclick: () => openEmojiPicker(this.emojiButton, ({ text }) => this.insert(text)) }, '😀');
    this.input.addEventListener('input', () => {
      this.autosize();
      if (this.mode !== 'edit' && this.input.value) view.startTyping();
    });
    this.el = h('form', { class: 'composer', 'aria-label': 'Send a message', onsubmit: e => { e.preventDefault(); this.submit(); } },
      this.bar, this.autocomplete.list, this.pending, this.progress, this.error, h('div', { class: 'compose-row' },
        this.picker, h('button', { type: 'button', class: 'attach-button', 'aria-label': 'Attach files', title: 'Attach files',
          onclick: () => this.picker.click() }, '+'),
        this.input, this.emojiButton,
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

  /** Puts text at the caret. */
  insert(text) {
    const start = this.input.selectionStart ?? this.input.value.length;
    const end = this.input.selectionEnd ?? start;
    this.input.value = this.input.value.slice(0, start) + text + this.input.value.slice(end);
    this.input.setSelectionRange(start + text.length, start + text.length);
    this.autosize();
    this.focus();
  }

  addFiles(files) {
    this.files.push(...files);
    this.renderFiles();
    this.focus();
  }

  renderFiles() {
    fill(this.pending, this.files.map((f, i) => h('li', { class: 'pending-file' },
      h('span', {}, f.name), h('span', { class: 'muted' }, ' ', formatSize(f.size)),
      h('button', { type: 'button', class: 'link', 'aria-label': 'Remove ' + f.name,
        onclick: () => { this.files.splice(i, 1); this.renderFiles(); } }, '✕'))));
    this.pending.hidden = !this.files.length;
  }

  async submit() {
    const content = this.input.value.trim();
    const files = this.mode === 'edit' ? [] : this.files;
    if (!content && !files.length) return;
    if (this.sending) return;
    this.error.textContent = '';
    const { mode, target } = this;
    this.sending = true;
    try {
      if (mode === 'edit') await this.view.edit(target, content);
      else if (files.length) {
        this.progress.value = 0;
        this.progress.hidden = false;
        await this.view.sendFiles(content, files, mode === 'reply' ? target : null, f => { this.progress.value = f; });
        this.files = [];
        this.renderFiles();
      } else await this.view.send(content, mode === 'reply' ? target : null);
      this.input.value = '';
      this.cancel();
    } catch (e) {
      this.error.textContent = e.fieldError?.('content') || e.errors?.[0]?.message || e.message;
    } finally {
      this.sending = false;
      // the full bar stays a moment, so a quick upload is still seen to finish
      setTimeout(() => { if (!this.sending) this.progress.hidden = true; }, 800);
    }
  }

  autosize() {
    this.input.style.height = 'auto';
    this.input.style.height = Math.min(this.input.scrollHeight + 2, 200) + 'px';
    this.input.style.overflowY = this.input.scrollHeight > 200 ? 'auto' : 'hidden';
  }
}
