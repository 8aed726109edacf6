// EXPECT: CE
// ATTACK: compile-time: exponential template instantiation (2^40 distinct types, within the default depth limit).
template <int N, long long K> struct Bomb {
	static constexpr long long value = Bomb<N - 1, 2 * K>::value + Bomb<N - 1, 2 * K + 1>::value;
};
template <long long K> struct Bomb<0, K> {
	static constexpr long long value = K;
};
int main() { return (int)Bomb<40, 1>::value; }
