// Drives a Parley webhook with discord.js's WebhookClient, as an integration would: send with a
// name override (discord.js always waits for the message), fetch, edit and delete it, then try a
// wrong token. Prints one line per observation.
const { WebhookClient } = require('discord.js');

const [, , apiBase, id, token] = process.argv;
const rest = { api: apiBase, retries: 0 };

async function main() {
  const hook = new WebhookClient({ id, token }, { rest });
  const sent = await hook.send({ content: 'from discord.js', username: 'CI' });
  console.log(`SENT ${sent.id} ${sent.webhook_id} ${sent.author.username} ${sent.content}`);
  const fetched = await hook.fetchMessage(sent.id);
  console.log(`FETCHED ${fetched.content}`);
  const edited = await hook.editMessage(sent.id, { content: 'edited by discord.js' });
  console.log(`EDITED ${edited.content}`);
  await hook.deleteMessage(sent.id);
  console.log('DELETED');
  const wrong = new WebhookClient({ id, token: 'not-the-token' }, { rest });
  try {
    await wrong.send({ content: 'nope' });
    console.log('WRONG_TOKEN accepted');
  } catch (error) {
    console.log(`WRONG_TOKEN ${error.status} ${error.code}`);
  }
  hook.destroy();
  wrong.destroy();
}

main().then(() => process.exit(0), (error) => {
  console.log(`ERROR ${error && error.message}`);
  process.exit(3);
});
