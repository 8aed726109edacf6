// Stores the numbers in int, which truncates big values. Expected verdict: WA (samples pass, secret/02 fails).
import java.util.Scanner;

public class IntOverflow {
	public static void main(String[] args) {
		Scanner in = new Scanner(System.in);
		int a = (int) in.nextLong();
		int b = (int) in.nextLong();
		System.out.println(a + b);
	}
}
