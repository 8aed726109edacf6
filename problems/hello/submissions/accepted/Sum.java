// Reads a and b as long and prints a+b. Expected verdict: AC.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Sum {
	public static void main(String[] args) throws Exception {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
		StringTokenizer tok = new StringTokenizer(in.readLine());
		long a = Long.parseLong(tok.nextToken());
		long b = Long.parseLong(tok.nextToken());
		System.out.println(a + b);
	}
}
