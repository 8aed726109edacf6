// EXPECT: AC
// ATTACK: network: a TCP connection to 1.1.1.1:53 and a DNS lookup must both fail (prints WRONG if either works).
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	long long a, b;
	struct sockaddr_in sa = { 0 };
	struct addrinfo *res = NULL;
	int s, connected = 0, resolved;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	sa.sin_family = AF_INET;
	sa.sin_port = htons(53);
	inet_pton(AF_INET, "1.1.1.1", &sa.sin_addr);
	if ((s = socket(AF_INET, SOCK_STREAM, 0)) >= 0) {
		connected = connect(s, (struct sockaddr *)&sa, sizeof(sa)) == 0;
		close(s);
	}
	resolved = getaddrinfo("example.com", "80", NULL, &res) == 0;
	if (connected || resolved)
		printf("WRONG: network reachable (connect %d, dns %d)\n", connected, resolved);
	else
		printf("%lld\n", a + b);
	return 0;
}
