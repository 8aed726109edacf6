// Prints the mean with JavaScript's default number formatting (exponent form for tiny values). Expected verdict: AC.
const tokens = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/);
const n = Number(tokens[0]);
let sum = 0;
for (let i = 1; i <= n; i++) sum += Number(tokens[i]);
console.log(String(sum / n));
