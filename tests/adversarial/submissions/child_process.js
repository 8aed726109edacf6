// EXPECT: AC
// ATTACK: Node child_process: detached, unref'd children (a spinning shell, a sleeper) outlive the script, which
// prints the answer and exits; they must be killed and must not touch the host.
const { spawn, execSync } = require('child_process');
const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(BigInt);
try {
  execSync('touch /etc/judge-adv-marker-7f3c9 /judge-adv-marker-7f3c9', { stdio: 'ignore' });
} catch (e) {
  // expected: read-only root
}
for (const cmd of ['while :; do :; done', 'sleep 1000']) {
  const c = spawn('sh', ['-c', cmd], { detached: true, stdio: 'ignore' });
  c.unref();
}
console.log((a + b).toString());
