// Sums in an int, which overflows. Expected verdict: WA (samples pass, secret/02-overflow fails).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class IntSum {
	public static void main(String[] args) throws Exception {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
		int n = Integer.parseInt(in.readLine().trim());
		StringTokenizer tok = new StringTokenizer(in.readLine());
		int sum = 0;
		for (int i = 0; i < n; i++)
			sum += Integer.parseInt(tok.nextToken());
		System.out.println(sum);
	}
}
