// Prints n+10^17 and -10^17 on separate lines (large values, whitespace other than one space). Expected verdict: AC.
const n = BigInt(require('fs').readFileSync(0, 'utf8').trim());
const big = 10n ** 17n;
console.log(`${n + big}\n${-big}`);
