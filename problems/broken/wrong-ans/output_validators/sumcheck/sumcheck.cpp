// Output validator for "Sum Them Up" (Kattis output validator convention):
//
//   sumcheck input_file answer_file feedback_dir [flags...] < team_output
//
// Computes the sum from the input file itself (the answer file is not used)
// and accepts exactly one integer token equal to it, surrounded by any
// whitespace. Exit 42 = accepted, 43 = wrong answer, with the reason in
// feedback_dir/judgemessage.txt; 1 when the input file is unreadable.
//
// In this fixture data/sample/2.ans reads "The sum is 0." instead of "0", so
// the answer file itself, fed as team output, is rejected (43).
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

std::string feedback;

[[noreturn]] void finish(int code, const std::string &msg)
{
	FILE *f = std::fopen((feedback + "/judgemessage.txt").c_str(), "w");
	if (f) {
		std::fprintf(f, "%s\n", msg.c_str());
		std::fclose(f);
	}
	std::exit(code);
}

// Next whitespace-separated token of f, at most 64 bytes kept; false at EOF.
bool token(FILE *f, std::string *tok)
{
	int c;
	tok->clear();
	while ((c = std::fgetc(f)) != EOF && std::isspace(c))
		;
	if (c == EOF)
		return false;
	do {
		if (tok->size() < 64)
			tok->push_back(static_cast<char>(c));
	} while ((c = std::fgetc(f)) != EOF && !std::isspace(c));
	return true;
}

// Parses -?[0-9]{1,18} into *v.
bool integer(const std::string &s, long long *v)
{
	size_t i = s.size() && s[0] == '-' ? 1 : 0;
	if (i == s.size() || s.size() - i > 18)
		return false;
	for (size_t j = i; j < s.size(); j++)
		if (!std::isdigit(static_cast<unsigned char>(s[j])))
			return false;
	*v = std::strtoll(s.c_str(), nullptr, 10);
	return true;
}

}  // namespace

int main(int argc, char **argv)
{
	if (argc < 4) {
		std::fprintf(stderr, "usage: %s input answer feedback_dir < output\n", argv[0]);
		return 1;
	}
	feedback = argv[3];
	FILE *in = std::fopen(argv[1], "r");
	int n;
	long long a, sum = 0;
	if (!in || std::fscanf(in, "%d", &n) != 1)
		finish(1, "judge error: cannot read the input file");
	for (int i = 0; i < n; i++) {
		if (std::fscanf(in, "%lld", &a) != 1)
			finish(1, "judge error: the input file is truncated");
		sum += a;
	}
	std::fclose(in);

	std::string tok, extra;
	long long v;
	if (!token(stdin, &tok))
		finish(43, "no output");
	if (!integer(tok, &v))
		finish(43, "expected an integer, got '" + tok + "'");
	if (token(stdin, &extra))
		finish(43, "extra output after the sum: '" + extra + "'");
	if (v != sum)
		finish(43, "wrong sum: expected " + std::to_string(sum) + ", got " + tok);
	finish(42, "correct");
}
