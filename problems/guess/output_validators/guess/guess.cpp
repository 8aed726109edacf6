// Interactive validator for "Guess the Number" (Kattis convention):
//
//   guess input_file answer_file feedback_dir [flags...]
//     stdin:  what the submission writes      stdout: what the submission reads
//
// input_file holds the secret s (1 <= s <= 10^9).  The submission asks
// "? x" (at most kMaxQueries times) and is told "<", ">" or "="; it ends
// with "! x".  Exit 42 = accepted, 43 = wrong answer, with the reason in
// feedback_dir/judgemessage.txt; a problem with the judge's own files
// exits 1 (a judge error, never the submission's fault).
//
// Everything the submission writes is untrusted: tokens are read one byte
// at a time and capped in length, numbers are checked digit by digit.
// Writes to a submission that is gone fail quietly (the judge runs this
// program with SIGPIPE ignored); only what was read decides the verdict.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

const int kAccepted = 42;
const int kWrongAnswer = 43;
const int kJudgeError = 1;
const int kMaxQueries = 30;
const long long kMax = 1000000000LL;
const size_t kMaxToken = 32;

std::string feedback_dir;

[[noreturn]] void finish(int code, const std::string &msg)
{
	std::string path = feedback_dir + "judgemessage.txt";
	if (FILE *f = std::fopen(path.c_str(), "a")) {
		std::fprintf(f, "%s\n", msg.c_str());
		std::fclose(f);
	}
	std::exit(code);
}

// Next whitespace-separated token of stdin; false at end of input.
bool next_token(std::string *tok)
{
	int c;
	tok->clear();
	while ((c = std::getchar()) != EOF && std::isspace(c))
		;
	if (c == EOF)
		return false;
	do {
		if (tok->size() < kMaxToken)
			tok->push_back(static_cast<char>(c));
	} while ((c = std::getchar()) != EOF && !std::isspace(c));
	return true;
}

// A decimal in [1, kMax] written without sign or leading zeros.
bool parse(const std::string &tok, long long *out)
{
	long long v = 0;
	if (tok.empty() || tok.size() > 10 || tok[0] == '0')
		return false;
	for (char ch : tok) {
		if (ch < '0' || ch > '9')
			return false;
		v = v * 10 + (ch - '0');
	}
	*out = v;
	return v >= 1 && v <= kMax;
}

std::string show(const std::string &tok)
{
	std::string s;
	for (char ch : tok)
		s.push_back(std::isprint(static_cast<unsigned char>(ch)) ? ch : '?');
	return "'" + s + "'";
}

}  // namespace

int main(int argc, char **argv)
{
	long long secret = 0, x = 0;
	int queries = 0;
	std::string tok;

	if (argc < 4) {
		std::fprintf(stderr, "usage: %s input answer feedback_dir\n", argv[0]);
		return kJudgeError;
	}
	feedback_dir = argv[3];
	if (FILE *in = std::fopen(argv[1], "r")) {
		if (std::fscanf(in, "%lld", &secret) != 1 || secret < 1 || secret > kMax)
			finish(kJudgeError, "judge error: bad secret in the input file");
		std::fclose(in);
	} else {
		finish(kJudgeError, "judge error: cannot open the input file");
	}
	for (;;) {
		if (!next_token(&tok))
			finish(kWrongAnswer, "no final answer after " + std::to_string(queries) + " queries");
		if (tok != "?" && tok != "!")
			finish(kWrongAnswer, "expected '?' or '!', got " + show(tok));
		bool final = tok == "!";
		std::string num;
		if (!next_token(&num) || !parse(num, &x))
			finish(kWrongAnswer, "bad number after '" + tok + "': " + show(num));
		if (final) {
			if (x != secret)
				finish(kWrongAnswer, "wrong final answer " + std::to_string(x) + " (secret " +
					std::to_string(secret) + ")");
			if (next_token(&tok))
				finish(kWrongAnswer, "output after the final answer: " + show(tok));
			finish(kAccepted, "found " + std::to_string(secret) + " with " +
				std::to_string(queries) + " queries");
		}
		if (++queries > kMaxQueries)
			finish(kWrongAnswer, "more than " + std::to_string(kMaxQueries) + " queries");
		std::printf("%s\n", secret < x ? "<" : secret > x ? ">" : "=");
		std::fflush(stdout);
	}
}
