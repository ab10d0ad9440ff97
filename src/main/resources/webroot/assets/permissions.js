// Permission bits (docs API.md) and a member's base permissions, computed as the server does.
export const PERMISSIONS = [
  ['CREATE_INSTANT_INVITE', 0], ['KICK_MEMBERS', 1], ['BAN_MEMBERS', 2], ['ADMINISTRATOR', 3],
  ['MANAGE_CHANNELS', 4], ['MANAGE_GUILD', 5], ['ADD_REACTIONS', 6], ['VIEW_AUDIT_LOG', 7],
  ['VIEW_CHANNEL', 10], ['SEND_MESSAGES', 11], ['MANAGE_MESSAGES', 13], ['EMBED_LINKS', 14],
  ['ATTACH_FILES', 15], ['READ_MESSAGE_HISTORY', 16], ['MENTION_EVERYONE', 17], ['CONNECT', 20],
  ['SPEAK', 21], ['CHANGE_NICKNAME', 26], ['MANAGE_NICKNAMES', 27], ['MANAGE_ROLES', 28],
  ['MODERATE_MEMBERS', 40],
].map(([name, bit]) => ({ name, bit: 1n << BigInt(bit), label: name.toLowerCase().replace(/_/g, ' ') }));

const ALL = (1n << 53n) - 1n;
const ADMINISTRATOR = 1n << 3n;
/** Holding any of these opens the server settings. */
export const MANAGING = [1n, 2n, 4n, 5n, 7n, 27n, 28n, 40n].reduce((sum, bit) => sum | (1n << bit), 0n);

export function basePermissions(guild, roles, member, userId) {
  if (guild.owner_id === userId) return ALL;
  let sum = BigInt(roles.find(r => r.id === guild.id)?.permissions || '0');
  for (const id of member?.roles || []) sum |= BigInt(roles.find(r => r.id === id)?.permissions || '0');
  return (sum & ADMINISTRATOR) ? ALL : sum;
}

/** The colour of the member's highest coloured role, or null. */
export function memberColor(roles, member) {
  const coloured = (roles || []).filter(r => r.color && member?.roles?.includes(r.id));
  coloured.sort((a, b) => b.position - a.position);
  return coloured.length ? '#' + coloured[0].color.toString(16).padStart(6, '0') : null;
}
