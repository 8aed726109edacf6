// Adds in double, which loses precision above 2^53. Expected verdict: WA (samples pass, secret/02 fails).
#include <cstdio>

int main()
{
	double a, b;
	if (std::scanf("%lf %lf", &a, &b) != 2)
		return 1;
	std::printf("%.0f\n", a + b);
	return 0;
}
