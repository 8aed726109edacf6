// Reads the input, then spins forever. Expected verdict: TLE (CPU limit).
const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(BigInt);
let spin = 0;
for (;;) spin++;
