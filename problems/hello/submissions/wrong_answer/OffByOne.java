// Off by one: prints a+b-1. Expected verdict: WA (already on sample 1).
import java.util.Scanner;

public class OffByOne {
	public static void main(String[] args) {
		Scanner in = new Scanner(System.in);
		long a = in.nextLong();
		long b = in.nextLong();
		System.out.println(a + b - 1);
	}
}
