// EXPECT: TLE|RTE|MLE
// ATTACK: Java thread bomb: starts spinning threads until the JVM or the pids limit refuses more (so the judge
// cannot fork its killer), then spins too; only CPU limits can end it.
public class ThreadBomb {
	static volatile long sink;

	public static void main(String[] args) {
		try {
			for (;;) {
				Thread t = new Thread(null, () -> {
					for (;;)
						sink++;
				}, "bomb", 64 * 1024);
				t.start();
			}
		} catch (Throwable e) {
			// unable to create native thread: keep the ones we have
		}
		for (;;)
			sink++;
	}
}
