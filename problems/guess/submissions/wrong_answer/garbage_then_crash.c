/* Writes garbage, which the validator rejects at once; then waits for an
 * answer, gets end-of-file (the validator is gone) and crashes.  The
 * validator exited first with a rejection: the verdict is WA, not RTE. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char buf[64];
	printf("hello there\n");
	fflush(stdout);
	if (!fgets(buf, sizeof(buf), stdin))
		abort();
	return 0;
}
