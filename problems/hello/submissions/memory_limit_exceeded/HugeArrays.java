// Keeps allocating 16 MiB arrays and writing to them, never freeing them. Expected verdict: MLE (the JVM may report OutOfMemoryError first).
import java.util.ArrayList;
import java.util.Scanner;

public class HugeArrays {
	public static void main(String[] args) {
		Scanner in = new Scanner(System.in);
		long a = in.nextLong();
		long b = in.nextLong();
		ArrayList<long[]> hoard = new ArrayList<>();
		while (true) {
			long[] block = new long[2 << 20];
			java.util.Arrays.fill(block, a + b);
			hoard.add(block);
		}
	}
}
