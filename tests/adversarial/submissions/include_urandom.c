// EXPECT: CE
// ATTACK: compile-time: #include of an endless device; the compiler must be stopped (time or memory) -> CE.
#include "/dev/urandom"
int main(void) { return 0; }
