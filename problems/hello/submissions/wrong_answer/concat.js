// Adds the input tokens as strings, so "1" + "2" prints "12". Expected verdict: WA (already on sample 1).
const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/);
console.log(a + b);
