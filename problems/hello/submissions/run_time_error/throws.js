// Reads the input, then throws an uncaught Error. Expected verdict: RTE.
const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(BigInt);
throw new Error(`sum is ${a + b} but I refuse to print it`);
