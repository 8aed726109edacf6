// EXPECT: AC
// ATTACK: Java Runtime.exec: starts a detached shell that spins, sleeps and tries to write outside the box and kill
// PID 1; prints the answer and exits. The children must be killed; host markers must not appear.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class RuntimeExec {
	public static void main(String[] args) throws Exception {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
		StringTokenizer tok = new StringTokenizer(in.readLine());
		long a = Long.parseLong(tok.nextToken()), b = Long.parseLong(tok.nextToken());
		Process p = Runtime.getRuntime().exec(new String[] { "sh", "-c",
			"touch /etc/judge-adv-marker-7f3c9 /judge-adv-marker-7f3c9 2>/dev/null; kill -9 1 2>/dev/null; "
			+ "setsid sh -c 'while :; do :; done' </dev/null >/dev/null 2>&1 & "
			+ "setsid sleep 1000 </dev/null >/dev/null 2>&1 & echo started" });
		BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
		String line = out.readLine();
		System.out.println("started".equals(line) ? String.valueOf(a + b) : "WRONG: exec failed: " + line);
		System.out.flush();
		System.exit(0);
	}
}
