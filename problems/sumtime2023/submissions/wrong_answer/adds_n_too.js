// Adds every token of the input, N included. Expected verdict: WA (already on sample 1: prints 9, not 6).
const toks = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(BigInt);
console.log(toks.reduce((s, x) => s + x, 0n).toString());
