// EXPECT: WA|RTE
// ATTACK: Java System.exit(0) in a static initializer, before main prints anything (exit 0, empty output).
public class ExitInStaticInit {
	static {
		System.exit(0);
	}

	public static void main(String[] args) {
		java.util.Scanner in = new java.util.Scanner(System.in);
		System.out.println(in.nextLong() + in.nextLong());
	}
}
