// Reads N, then throws an uncaught RuntimeException. Expected verdict: RTE.
import java.util.Scanner;

public class Throws {
	public static void main(String[] args) {
		Scanner in = new Scanner(System.in);
		int n = in.nextInt();
		throw new RuntimeException("N is " + n + " but I refuse to sum");
	}
}
