// Drives Parley with discord.js, the way a bot author would: log in, wait for READY and
// the guild, then report every message it sees. Prints one line per observation.
const { Client, GatewayIntentBits, Events } = require('discord.js');

const [, , apiBase, token] = process.argv;
const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
  rest: { api: apiBase },
});

client.once(Events.ClientReady, (ready) => {
  const guilds = ready.guilds.cache.map((g) => `${g.id}:${g.available ? g.name : 'unavailable'}`).join(',');
  console.log(`READY ${ready.user.id} ${guilds}`);
  const channels = ready.channels.cache.map((c) => c.id).join(',');
  console.log(`CHANNELS ${channels}`);
});
client.on(Events.GuildCreate, (guild) => console.log(`GUILD_CREATE ${guild.id}`));
client.on(Events.MessageCreate, (message) => {
  console.log(`MESSAGE_CREATE ${message.id} ${message.content}`);
});
client.on(Events.Error, (error) => console.log(`ERROR ${error.message}`));
process.on('unhandledRejection', (error) => console.log(`ERROR ${error && error.message}`));

client.login(token).catch((error) => {
  console.log(`LOGIN_FAILED ${error.message}`);
  process.exit(3);
});
setTimeout(() => process.exit(0), 60000).unref();
