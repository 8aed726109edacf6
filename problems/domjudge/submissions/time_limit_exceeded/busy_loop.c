/* Reads the input, then spins forever. Expected verdict: TLE at any time limit. */
#include <stdio.h>

int main(void)
{
	int n;
	volatile unsigned long spin = 0;
	if (scanf("%d", &n) != 1)
		return 1;
	for (;;)
		spin = spin + 1;
}
