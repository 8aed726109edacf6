// Missing semicolon after the println call. Expected verdict: CE.
import java.util.Scanner;

public class MissingSemicolon {
	public static void main(String[] args) {
		Scanner in = new Scanner(System.in);
		long a = in.nextLong();
		long b = in.nextLong();
		System.out.println(a + b)
	}
}
