// Multi-pass output validator for "Pack and Unpack" (2023-07 convention):
//
//   validator input_file answer_file feedback_dir [flags...] < team_output
//
// Pass 1 (no "state" file in feedback_dir yet): input_file is the test's
// .in ("encode", n, the numbers).  The submission must print one word of at
// most 12n printable characters.  The validator writes feedback_dir/state
// (the pass it reached, and n) and feedback_dir/nextpass.in ("decode" and
// the word), then accepts: the judge runs the submission again on it.
// Pass 2 ("state" present): input_file is that nextpass.in; the submission
// must print the numbers of answer_file, in order.
//
// Exit 42 = accepted, 43 = wrong answer (the reason appended to
// judgemessage.txt, one line per pass); a problem with the judge's own
// files, or a feedback directory that lost its state, exits 1: a judge
// error.  The submission's output is untrusted: tokens are capped.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

const int kAccepted = 42;
const int kWrongAnswer = 43;
const int kJudgeError = 1;
const size_t kMaxWord = 12 * 1000;

std::string feedback_dir;

void note(const std::string &msg)
{
	std::string path = feedback_dir + "judgemessage.txt";
	if (FILE *f = std::fopen(path.c_str(), "a")) {
		std::fprintf(f, "%s\n", msg.c_str());
		std::fclose(f);
	}
}

[[noreturn]] void finish(int code, const std::string &msg)
{
	note(msg);
	std::exit(code);
}

bool write_file(const std::string &name, const std::string &text)
{
	std::string path = feedback_dir + name;
	FILE *f = std::fopen(path.c_str(), "w");
	if (!f)
		return false;
	bool ok = std::fputs(text.c_str(), f) >= 0;
	return std::fclose(f) == 0 && ok;
}

// Next whitespace-separated token of f (at most cap bytes kept; *cut tells).
bool next_token(FILE *f, std::string *tok, size_t cap, bool *cut)
{
	int c;
	tok->clear();
	*cut = false;
	while ((c = std::fgetc(f)) != EOF && std::isspace(c))
		;
	if (c == EOF)
		return false;
	do {
		if (tok->size() < cap)
			tok->push_back(static_cast<char>(c));
		else
			*cut = true;
	} while ((c = std::fgetc(f)) != EOF && !std::isspace(c));
	return true;
}

// -?[0-9]+ within [-10^9, 10^9], no leading zeros.
bool parse_int(const std::string &t, long long *out)
{
	size_t i = t[0] == '-' ? 1 : 0;
	long long v = 0;
	if (i >= t.size() || t.size() - i > 10 || (t[i] == '0' && t.size() - i > 1) || t == "-0")
		return false;
	for (; i < t.size(); i++) {
		if (t[i] < '0' || t[i] > '9')
			return false;
		v = v * 10 + (t[i] - '0');
	}
	*out = t[0] == '-' ? -v : v;
	return v <= 1000000000LL;
}

[[noreturn]] void first_pass(FILE *in)
{
	char word[16];
	long n = 0;
	std::string tok, extra;
	bool cut = false;

	if (std::fscanf(in, "%15s %ld", word, &n) != 2 || std::string(word) != "encode" || n < 1 || n > 1000)
		finish(kJudgeError, "judge error: pass 1 input is not 'encode n ...'");
	if (!next_token(stdin, &tok, kMaxWord + 1, &cut))
		finish(kWrongAnswer, "no word printed");
	if (cut || tok.size() > 12 * static_cast<size_t>(n))
		finish(kWrongAnswer, "the word is longer than 12n = " + std::to_string(12 * n) + " characters");
	for (char ch : tok)
		if (!std::isprint(static_cast<unsigned char>(ch)))
			finish(kWrongAnswer, "the word holds a non-printable byte");
	if (next_token(stdin, &extra, 16, &cut))
		finish(kWrongAnswer, "more than one word printed");
	if (!write_file("state", "encoded " + std::to_string(n) + "\n") ||
	    !write_file("nextpass.in", "decode\n" + tok + "\n"))
		finish(kJudgeError, "judge error: cannot write to the feedback directory");
	note("a word of " + std::to_string(tok.size()) + " characters for " + std::to_string(n) + " numbers;");
	std::exit(kAccepted);
}

[[noreturn]] void second_pass(FILE *in, FILE *state, FILE *ans)
{
	char word[16], tag[16];
	long n = 0;
	std::vector<long long> want;
	long long v;
	std::string tok;
	bool cut = false;

	if (std::fscanf(state, "%15s %ld", tag, &n) != 2 || std::string(tag) != "encoded")
		finish(kJudgeError, "judge error: the feedback directory lost the state of pass 1");
	if (std::fscanf(in, "%15s", word) != 1 || std::string(word) != "decode")
		finish(kJudgeError, "judge error: pass 2 input is not 'decode ...'");
	while (std::fscanf(ans, "%lld", &v) == 1)
		want.push_back(v);
	if (static_cast<long>(want.size()) != n)
		finish(kJudgeError, "judge error: the answer file does not hold n numbers");
	for (size_t i = 0; i < want.size(); i++) {
		if (!next_token(stdin, &tok, 16, &cut))
			finish(kWrongAnswer, "only " + std::to_string(i) + " of " + std::to_string(n) + " numbers");
		if (cut || !parse_int(tok, &v))
			finish(kWrongAnswer, "number " + std::to_string(i + 1) + " is not an integer");
		if (v != want[i])
			finish(kWrongAnswer, "number " + std::to_string(i + 1) + " is " + std::to_string(v) +
				", expected " + std::to_string(want[i]));
	}
	if (next_token(stdin, &tok, 16, &cut))
		finish(kWrongAnswer, "more than " + std::to_string(n) + " numbers");
	finish(kAccepted, "all " + std::to_string(n) + " numbers restored");
}

}  // namespace

int main(int argc, char **argv)
{
	if (argc < 4) {
		std::fprintf(stderr, "usage: %s input answer feedback_dir\n", argv[0]);
		return kJudgeError;
	}
	feedback_dir = argv[3];
	FILE *in = std::fopen(argv[1], "r"), *ans = std::fopen(argv[2], "r");
	if (!in || !ans)
		finish(kJudgeError, "judge error: cannot open the input or the answer file");
	std::string state_path = feedback_dir + "state";
	if (FILE *state = std::fopen(state_path.c_str(), "r"))
		second_pass(in, state, ans);
	first_pass(in);
}
