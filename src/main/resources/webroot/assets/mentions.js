// Mentions in text: <@id> as @name, <@&id> as @role in its colour, <#id> as #channel (opens it),
// <:name:id> / <a:name:id> as the guild's emoji image.
import { h } from './dom.js';
import { directory } from './directory.js';

export const MENTION_PATTERNS = [
  [/<@!?(\d{1,20})>/, m => userMention(m[1])],
  [/<@&(\d{1,20})>/, m => roleMention(m[1])],
  [/<#(\d{1,20})>/, m => channelMention(m[1])],
  [/<(a?):(\w{2,32}):(\d{1,20})>/, m => customEmoji(m[2], m[3], m[1] === 'a')],
];

function userMention(id) {
  const mine = id === directory.chat?.me?.id;
  return h('span', {
    class: 'mention' + (mine ? ' me' : ''), role: 'button', tabindex: '0', 'data-user-id': id,
    title: 'Mention them in the composer',
    onclick: () => directory.chat?.view?.composer.insert(`<@${id}> `),
  }, '@', directory.userName(id));
}

function roleMention(id) {
  const role = directory.role(id);
  const el = h('span', { class: 'mention role', 'data-role-id': id }, '@', role?.name || 'deleted-role');
  if (role?.color) el.style.color = '#' + role.color.toString(16).padStart(6, '0');
  return el;
}

function channelMention(id) {
  const channel = directory.channel(id);
  const open = () => channel && directory.chat?.app.navigate('/channels/' + directory.guildId + '/' + id);
  return h('span', {
    class: 'mention channel', role: 'link', tabindex: '0', 'data-channel-id': id, onclick: open,
    onkeydown: e => { if (e.key === 'Enter') open(); },
  }, '#', channel?.name || 'unknown-channel');
}

export function customEmojiUrl(id, animated) {
  return `/emojis/${id}.${animated ? 'gif' : 'png'}`;
}

export function customEmoji(name, id, animated) {
  return h('img', { class: 'emoji', src: customEmojiUrl(id, animated), alt: `:${name}:`, title: `:${name}:`, draggable: 'false' });
}
