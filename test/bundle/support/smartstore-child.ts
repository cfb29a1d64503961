// Runs the SmartStore sandbox in a process of its own (started with `node --import tsx`), so a test whose
// thread waits in the add-on's synchronous UrlFetchApp never starves it: the server process calls the
// sandbox while the add-on waits for the server. Commands come over the IPC channel.
import { startSmartStoreSandbox, type PlaceOrderInput } from '../../../server/channels/smartstore/sandbox';

type Command =
  | { id: number; type: 'createProduct'; name: string; options: { name: string; stock: number; sellerManagerCode?: string }[] }
  | { id: number; type: 'placeOrder'; input: PlaceOrderInput }
  | { id: number; type: 'productOrder'; productOrderId: string }
  | { id: number; type: 'stop' };

const sandbox = await startSmartStoreSandbox({ optionStockOmission: 'keep' });
const account = sandbox.account();
const send = (message: unknown): void => {
  process.send?.(message);
};

process.on('message', (raw) => {
  const command = raw as Command;
  try {
    switch (command.type) {
      case 'createProduct':
        send({ id: command.id, value: account.createProduct({ name: command.name, options: command.options }) });
        return;
      case 'placeOrder':
        send({ id: command.id, value: account.placeOrder(command.input) });
        return;
      case 'productOrder':
        send({ id: command.id, value: account.productOrder(command.productOrderId) });
        return;
      case 'stop':
        void sandbox.stop().then(() => {
          send({ id: command.id, value: null });
          process.exit(0);
        });
        return;
    }
  } catch (error) {
    send({ id: command.id, error: error instanceof Error ? error.message : String(error) });
  }
});

send({ ready: true, url: sandbox.url, clientId: account.clientId, clientSecret: account.clientSecret });
