// Process entry. Until the HTTP API lands it connects Redis, loads the scripts and reports ready.
import { Store } from './store';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const store = await Store.open(url);
console.log(JSON.stringify({ level: 'info', msg: 'ready', redis: url.replace(/\/\/[^@]*@/, '//***@') }));
const stop = async () => {
  await store.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
