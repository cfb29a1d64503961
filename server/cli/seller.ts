// `npm run seller -- create "<name>"`: provisions a seller and prints its id and first API key.
console.error('seller provisioning arrives with the HTTP API');
process.exit(1);
