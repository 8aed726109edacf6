// Uses a variable that is never declared. Expected verdict: CE.
import java.util.Scanner;

public class Undeclared {
	public static void main(String[] args) {
		Scanner in = new Scanner(System.in);
		int n = in.nextInt();
		long sum = 0;
		for (int i = 0; i < n; i++)
			sum += in.nextLong();
		System.out.println(total);
	}
}
