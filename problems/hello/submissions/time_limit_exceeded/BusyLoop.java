// Reads the input, then spins forever. Expected verdict: TLE (CPU limit).
import java.util.Scanner;

public class BusyLoop {
	static volatile long spin;

	public static void main(String[] args) {
		Scanner in = new Scanner(System.in);
		long a = in.nextLong();
		long b = in.nextLong();
		while (true)
			spin++;
	}
}
