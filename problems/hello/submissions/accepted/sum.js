// Reads a and b as BigInt (Number loses precision above 2^53) and prints a+b. Expected verdict: AC.
const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(BigInt);
console.log((a + b).toString());
