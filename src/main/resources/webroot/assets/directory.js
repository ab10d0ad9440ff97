// What a guild's messages refer to: members, roles, channels and custom emojis, read by the
// Markdown renderer to show <@id>, <@&id>, <#id> and <:name:id> by name.
export const directory = {
  chat: null,
  roles: new Map(),
  emojis: new Map(),

  /** From GUILD_CREATE / GUILD_ROLE_* / GUILD_EMOJIS_UPDATE. */
  remember(t, d) {
    if (t === 'GUILD_CREATE') {
      this.roles.set(d.id, new Map((d.roles || []).map(r => [r.id, r])));
      this.emojis.set(d.id, d.emojis || []);
    } else if (t === 'GUILD_ROLE_CREATE' || t === 'GUILD_ROLE_UPDATE') {
      if (!this.roles.has(d.guild_id)) this.roles.set(d.guild_id, new Map());
      this.roles.get(d.guild_id).set(d.role.id, d.role);
    } else if (t === 'GUILD_ROLE_DELETE') {
      this.roles.get(d.guild_id)?.delete(d.role_id);
    } else if (t === 'GUILD_EMOJIS_UPDATE') {
      this.emojis.set(d.guild_id, d.emojis || []);
    }
  },

  get guildId() {
    return this.chat?.guildId;
  },

  members() {
    return [...(this.chat?.members.get(this.guildId)?.values() || [])];
  },

  userName(id) {
    return this.chat ? this.chat.memberName(id, null) : 'Someone';
  },

  role(id) {
    return this.roles.get(this.guildId)?.get(id);
  },

  channels() {
    return (this.chat?.channels.get(this.guildId) || []).filter(c => c.type === 0);
  },

  channel(id) {
    return this.chat?.channels.get(this.guildId)?.find(c => c.id === id);
  },

  guildEmojis() {
    return this.emojis.get(this.guildId) || [];
  },

  /** Whether a message names me: directly, through one of my roles, or @everyone. */
  mentionsMe(m) {
    const me = this.chat?.me?.id;
    if (!me) return false;
    if (m.mention_everyone || (m.mentions || []).some(u => u.id === me)) return true;
    if ((m.content || '').includes(`<@${me}>`) || (m.content || '').includes(`<@!${me}>`)) return true;
    const mine = this.chat.members.get(this.guildId)?.get(me)?.roles || [];
    return (m.mention_roles || []).some(r => mine.includes(r));
  },
};
