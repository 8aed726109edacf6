// Output validator for "Split the Sum" (Kattis output validator convention):
//
//   checker input_file answer_file feedback_dir [flags...] < team_output
//
// Accepts any two integers x y with |x|, |y| <= 10^18 and x + y = n, and
// nothing else after them.  Exit 42 = accepted, 43 = wrong answer; the reason
// goes to feedback_dir/judgemessage.txt.  Problems with the judge's own files
// (unreadable input, an invalid reference answer) exit 1, which the judge
// must report as a judge error, never as a verdict.
//
// The team output is untrusted: it is read one byte at a time, tokens are
// capped in length, and only the characters -0123456789 can form a number,
// so garbage, binary data or huge output never crashes or overflows anything.
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

const int kAccepted = 42;
const int kWrongAnswer = 43;
const int kJudgeError = 1;
const long long kBound = 1000000000000000000LL;  // |x|, |y| <= 10^18
const size_t kMaxToken = 64;                      // longer tokens are cut (and flagged)

std::string feedback_path;

// Writes the one-line reason to judgemessage.txt and exits with `code`.
[[noreturn]] void finish(int code, const std::string &msg)
{
	FILE *f = std::fopen(feedback_path.c_str(), "w");
	if (f) {
		std::fprintf(f, "%s\n", msg.c_str());
		std::fclose(f);
	} else {
		std::fprintf(stderr, "checker: cannot write %s; verdict message: %s\n",
			     feedback_path.c_str(), msg.c_str());
	}
	std::exit(code);
}

[[noreturn]] void judge_error(const std::string &msg)
{
	std::fprintf(stderr, "checker: %s\n", msg.c_str());
	finish(kJudgeError, "judge error: " + msg);
}

// Reads the next whitespace-separated token from `f`. Returns false at end of
// input. Keeps at most kMaxToken bytes; *truncated tells whether it cut.
bool next_token(FILE *f, std::string *tok, bool *truncated)
{
	int c;
	tok->clear();
	*truncated = false;
	while ((c = std::fgetc(f)) != EOF && std::isspace(static_cast<unsigned char>(c)))
		;
	if (c == EOF)
		return false;
	do {
		if (tok->size() < kMaxToken)
			tok->push_back(static_cast<char>(c));
		else
			*truncated = true;
	} while ((c = std::fgetc(f)) != EOF && !std::isspace(static_cast<unsigned char>(c)));
	return true;
}

// Printable rendering of a token for messages: other bytes become '?'.
std::string show(const std::string &tok, bool truncated)
{
	std::string s = "'";
	for (char ch : tok)
		s.push_back(std::isprint(static_cast<unsigned char>(ch)) ? ch : '?');
	return s + (truncated ? "...'" : "'");
}

// Parses an integer written as -?[0-9]+ within [-kBound, kBound].
bool parse_int(const std::string &tok, bool truncated, long long *out)
{
	size_t i = (!tok.empty() && tok[0] == '-') ? 1 : 0;
	if (truncated || i == tok.size())
		return false;
	for (size_t j = i; j < tok.size(); j++)
		if (tok[j] < '0' || tok[j] > '9')
			return false;
	errno = 0;
	char *end = nullptr;
	long long v = std::strtoll(tok.c_str(), &end, 10);
	if (errno == ERANGE || *end != '\0' || v < -kBound || v > kBound)
		return false;
	*out = v;
	return true;
}

// Reads "x y" from a trusted judge file (the input or the reference answer).
long long read_judge_int(FILE *f, const char *what)
{
	std::string tok;
	bool truncated;
	long long v;
	if (!next_token(f, &tok, &truncated) || !parse_int(tok, truncated, &v))
		judge_error(std::string("cannot read an integer from the ") + what);
	return v;
}

}  // namespace

int main(int argc, char **argv)
{
	if (argc < 4) {
		std::fprintf(stderr, "usage: %s input_file answer_file feedback_dir [flags] < team_output\n",
			     argc > 0 ? argv[0] : "checker");
		return kJudgeError;
	}
	feedback_path = std::string(argv[3]) + "/judgemessage.txt";

	FILE *in = std::fopen(argv[1], "r");
	if (!in)
		judge_error(std::string("cannot open the input file ") + argv[1]);
	long long n = read_judge_int(in, "input file");
	std::fclose(in);

	// The reference answer must itself be valid, or the test data is broken.
	FILE *ans = std::fopen(argv[2], "r");
	if (!ans)
		judge_error(std::string("cannot open the answer file ") + argv[2]);
	long long ax = read_judge_int(ans, "answer file");
	long long ay = read_judge_int(ans, "answer file");
	std::fclose(ans);
	if (ax + ay != n)
		judge_error("the reference answer does not sum to n");

	long long xy[2];
	const char *names[2] = {"x", "y"};
	std::string tok;
	bool truncated;
	for (int i = 0; i < 2; i++) {
		if (!next_token(stdin, &tok, &truncated))
			finish(kWrongAnswer, std::string("output ended before ") + names[i] +
				     (i == 0 ? ": expected two integers" : ": expected a second integer"));
		if (!parse_int(tok, truncated, &xy[i]))
			finish(kWrongAnswer, std::string(names[i]) + " is " + show(tok, truncated) +
				     ", not an integer between -10^18 and 10^18");
	}
	if (next_token(stdin, &tok, &truncated))
		finish(kWrongAnswer, "extra output after the two integers: " + show(tok, truncated));

	long long sum = xy[0] + xy[1];  // cannot overflow: both are within 10^18
	if (sum != n)
		finish(kWrongAnswer, "x + y = " + std::to_string(xy[0]) + " + " + std::to_string(xy[1]) +
			     " = " + std::to_string(sum) + ", expected " + std::to_string(n));
	finish(kAccepted, "x + y = " + std::to_string(n));
}
