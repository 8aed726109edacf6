// Reads the input, then throws an uncaught RuntimeException. Expected verdict: RTE.
import java.util.Scanner;

public class Throws {
	public static void main(String[] args) {
		Scanner in = new Scanner(System.in);
		long a = in.nextLong();
		long b = in.nextLong();
		throw new RuntimeException("sum is " + (a + b) + " but I refuse to print it");
	}
}
