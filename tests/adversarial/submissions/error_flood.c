// EXPECT: CE
// ATTACK: compile-time: gigabytes of diagnostics (an error plus its macro-expansion notes, repeated 4^12 = 16M times);
// the compile must stop and the output must be capped.
#define E1 1 = 1;
#define E2 E1 E1 E1 E1
#define E3 E2 E2 E2 E2
#define E4 E3 E3 E3 E3
#define E5 E4 E4 E4 E4
#define E6 E5 E5 E5 E5
#define E7 E6 E6 E6 E6
#define E8 E7 E7 E7 E7
#define E9 E8 E8 E8 E8
#define E10 E9 E9 E9 E9
#define E11 E10 E10 E10 E10
#define E12 E11 E11 E11 E11
#define E13 E12 E12 E12 E12
int main(void) { E13 return 0; }
