#!/usr/bin/env bash
# fuzz/make_seeds.sh - (re)generates the seed corpus fuzz/corpus/TARGET/seed-*.
#
#   fuzz/make_seeds.sh          # from anywhere; needs python3 (stdlib only);
#                               # zstd, if installed, adds a .tar.zst seed
#
# Only files named seed-* are rewritten; inputs that fuzzing added to the
# corpus (named by their SHA-1) are left alone.  Archives are written with
# fixed timestamps, owners and modes, so the output is the same every run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
corpus=$here/corpus

for t in problem_yaml archive validate demux languages junit roster; do
	mkdir -p "$corpus/$t"
	rm -f "$corpus/$t"/seed-*
done

# Sample problems and the default languages file, as they are.
for p in "$repo"/problems/*/problem.yaml; do
	cp "$p" "$corpus/problem_yaml/seed-$(basename "$(dirname "$p")").yaml"
done
cp "$repo/harness/languages.yaml" "$corpus/languages/seed-default.yaml"

python3 - "$corpus" <<'PY'
import gzip, io, os, struct, sys, tarfile, zipfile

corpus = sys.argv[1]

def put(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(corpus, target, "seed-" + name), "wb") as f:
        f.write(data)

# ---- problem.yaml ------------------------------------------------------------
Y = {
 "2023-07.yaml": """problem_format_version: 2023-07-draft
name:
  de: Hallo
  en: Hello
type: [pass-fail, interactive]
uuid: 5ca6ba5b-36d8-4d0e-9b5a-4b1e3c1e4a10
limits:
  time_limit: 2.5
  time_multipliers:
    ac_to_time_limit: 2.0
    time_limit_to_tle: 1.5
  memory: 512
  output: 16
  compilation_time: 30
  compilation_memory: 1024
validator_flags: case_sensitive space_change_sensitive
""",
 "legacy-all.yaml": """name: 'All the keys'
author: Someone
source: Somewhere
source_url: https://example.com
license: cc by-sa
rights_owner: Someone
keywords: [a, b]
validation: custom interactive score
validator_flags: float_relative_tolerance 1e-3 float_absolute_tolerance 1e-9
limits:
  time_multiplier: 3
  time_safety_margin: 1.5
  validation_time: 60
  code: 128
unknown_key: {x: 1}
""",
 "flow.yaml": '{name: "Flow \\u00e9\\x01", limits: {memory: 1, output: 1e3, time_limit: 1e9}, validation: default}\n',
 "empty.yaml": "",
 "comment.yaml": "# only a comment\n",
 "alias.yaml": "limits: &l {memory: 64}\nother: *l\n",
 "nulls.yaml": "name: ~\nlimits: null\nvalidator_flags:\ntype: NULL\n",
 "bad-limits.yaml": "limits: [1, 2]\n",
 "bad-number.yaml": "limits:\n  time_limit: -1\n  memory: 1.5\n",
 "nan.yaml": "limits:\n  time_limit: .nan\n",
 "types.yaml": "type:\n  - scoring\n  - 'fancy multi-pass'\n  - [nested]\n",
 "multidoc.yaml": "---\nname: one\n---\nname: two\n",
 "keys.yaml": "? [complex, key]\n: value\n1: one\nname: !!str tagged\n",
 "deep.yaml": "limits: " + "[" * 80 + "]" * 80 + "\n",
 "badyaml.yaml": "name: [unclosed\n\tlimits: {\n",
 "validation-bad.yaml": "validation: custom score interactive extra\n",
 "block-scalar.yaml": "name: |\n  multi\n  line\nvalidator_flags: >-\n  float_tolerance\n  1e-6\n",
}
for k, v in Y.items():
    put("problem_yaml", k, v)

# ---- archives ------------------------------------------------------------------
def tar(entries, mode="w", fmt=tarfile.GNU_FORMAT):
    """entries: (name, kind, data/target); kind: f d l h fifo chr."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode, format=fmt) as t:
        for name, kind, data in entries:
            ti = tarfile.TarInfo(name)
            ti.mtime = 1700000000
            ti.uid = ti.gid = 0
            ti.uname = ti.gname = "root"
            ti.mode = 0o644
            payload = None
            if kind == "f":
                payload = data if isinstance(data, bytes) else data.encode()
                ti.size = len(payload)
            elif kind == "x":
                payload = data.encode()
                ti.size = len(payload)
                ti.mode = 0o4777
            elif kind == "d":
                ti.type = tarfile.DIRTYPE
                ti.mode = 0o755
            elif kind == "l":
                ti.type = tarfile.SYMTYPE
                ti.linkname = data
            elif kind == "h":
                ti.type = tarfile.LNKTYPE
                ti.linkname = data
            elif kind == "fifo":
                ti.type = tarfile.FIFOTYPE
            elif kind == "chr":
                ti.type = tarfile.CHRTYPE
                ti.devmajor, ti.devminor = 1, 3
            t.addfile(ti, io.BytesIO(payload) if payload is not None else None)
    return buf.getvalue()

def zipit(entries, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data, perm in entries:
            zi = zipfile.ZipInfo(name, date_time=(2023, 11, 14, 22, 13, 20))
            zi.compress_type = method
            zi.external_attr = perm << 16
            z.writestr(zi, data)
    return buf.getvalue()

bundle = [
    ("problem/", "d", None),
    ("problem/problem.yaml", "f", "name: Tiny\nlimits:\n  time_limit: 1\n"),
    ("problem/data/sample/1.in", "f", "1 2\n"),
    ("problem/data/sample/1.ans", "f", "3\n"),
    ("problem/data/secret/g/2.in", "f", "5 6\n"),
    ("problem/data/secret/g/2.ans", "f", "11\n"),
]
put("archive", "bundle.tar", tar(bundle))
put("archive", "bundle.tar.gz", gzip.compress(tar(bundle), mtime=0))   # tarfile's gzip stamps the time
put("archive", "bundle.tar.bz2", tar(bundle, "w:bz2"))
put("archive", "bundle.tar.xz", tar(bundle, "w:xz"))
put("archive", "bundle-pax.tar", tar(bundle + [("problem/caf\u00e9 \u2603.txt", "f", "pax")],
                                     fmt=tarfile.PAX_FORMAT))
put("archive", "longname.tar", tar([("d/" + "n" * 150, "f", "long"), ("e" * 120 + "/f", "f", "x")]))
put("archive", "bundle.zip", zipit([("problem/", b"", 0o40755),
                                    ("problem/problem.yaml", b"name: Zip\n", 0o100644),
                                    ("problem/run.sh", b"#!/bin/sh\necho hi\n", 0o100755),
                                    ("problem/data/sample/1.in", b"1\n", 0o100644)]))
put("archive", "stored.zip", zipit([("a.txt", b"stored", 0o100644)], zipfile.ZIP_STORED))
put("archive", "symlink-ok.tar", tar([("d/", "d", None), ("d/f", "f", "data"),
                                      ("d/l", "l", "f"), ("d/up", "l", "../d/f"),
                                      ("top", "l", "d/l"), ("dot", "l", ".")]))
put("archive", "symlink-escape.tar", tar([("d/l", "l", "../../x")]))
put("archive", "symlink-abs.tar", tar([("l", "l", "/etc/passwd")]))
put("archive", "symlink-dotdot-after-name.tar", tar([("d/", "d", None), ("l", "l", "d/../../x")]))
put("archive", "through-symlink.tar", tar([("d/", "d", None), ("l", "l", "d"), ("l/f", "f", "x")]))
put("archive", "dotdot.tar", tar([("a/../../evil", "f", "x")]))
put("archive", "absolute.tar", tar([("/tmp/jg-fuzz-evil", "f", "x")]))
put("archive", "hardlink.tar", tar([("f", "f", "x"), ("h", "h", "f")]))
put("archive", "fifo.tar", tar([("p", "fifo", None)]))
put("archive", "chardev.tar", tar([("c", "chr", None)]))
put("archive", "duplicate.tar", tar([("f", "f", "1"), ("f", "f", "2")]))
put("archive", "file-then-dir.tar", tar([("f", "f", "1"), ("f/g", "f", "2")]))
put("archive", "setuid.tar", tar([("s", "x", "mode 4777")]))
put("archive", "ctl-name.tar", tar([("bad\x01name", "f", "x")]))
put("archive", "dots.tar", tar([("./", "d", None), ("./a/./b//c", "f", "x"), ("a/.", "d", None)]))
put("archive", "deep.tar", tar([("/".join(["d"] * 20) + "/f", "f", "x")]))
put("archive", "zip-dotdot.zip", zipit([("../evil", b"x", 0o100644)]))
put("archive", "zip-symlink.zip", zipit([("l", b"/etc/passwd", 0o120777)]))
# Caps used by the target: 2 MiB in all, 1.5 MiB per file, ratio 200 past 1 MiB.
put("archive", "bomb.zip", zipit([("zeros", b"\0" * (3 << 20), 0o100644)]))
put("archive", "ratio.zip", zipit([("zeros", b"\0" * (1200 << 10), 0o100644)]))
put("archive", "empty.tar", b"\0" * 1024)
put("archive", "not-an-archive.txt", "just text\n")

def cpio_newc(entries):
    out = b""
    for i, (name, mode, data) in enumerate(entries + [("TRAILER!!!", 0, b"")]):
        n = name.encode() + b"\0"
        hdr = b"070701" + b"".join(b"%08X" % v for v in
              (i + 1, mode, 0, 0, 1, 1700000000, len(data), 0, 0, 0, 0, len(n), 0))
        out += hdr + n + b"\0" * ((4 - (110 + len(n)) % 4) % 4)
        out += data + b"\0" * ((4 - len(data) % 4) % 4)
    return out + b"\0" * ((512 - len(out) % 512) % 512)

put("archive", "bundle.cpio", cpio_newc([("d", 0o40755, b""), ("d/f", 0o100644, b"cpio data\n")]))

def ar(entries):
    out = b"!<arch>\n"
    for name, data in entries:
        out += b"%-16s%-12d%-6d%-6d%-8s%-10d`\n" % ((name + "/").encode(), 0, 0, 0, b"100644", len(data))
        out += data + (b"\n" if len(data) % 2 else b"")
    return out

put("archive", "simple.ar", ar([("a.txt", b"ar member\n")]))
# mtree names host files; without libarchive's "checkfs" option none is read.
put("archive", "host-files.mtree", "#mtree\nsecret type=file contents=/etc/hostname\n"
    "d type=dir\nd/f type=file size=10\nl type=link link=/etc/passwd\n")

# ---- validator: FLAGS "\n===\n" ANSWER "\n===\n" TEAM --------------------------
def v(flags, ans, team):
    sep = b"\n===\n"
    enc = lambda s: s if isinstance(s, bytes) else s.encode()
    return enc(flags) + sep + enc(ans) + sep + enc(team)

V = {
 "ac": v("", "1 2 3\n", "1   2\n3"),
 "wa": v("", "hello world\n", "hello there\n"),
 "case": v("", "Yes\n", "yES\n"),
 "case-sensitive": v("case_sensitive", "Yes\n", "yes\n"),
 "space": v("space_change_sensitive", "a  b\n", "a b\n"),
 "space-lead": v("space_change_sensitive case_sensitive", " a\tb\r\n", " a\tb\n"),
 "float": v("float_tolerance 1e-6", "1.0 2.5 -3\n", "1.0000001 2.5 -3.0000000001\n"),
 "float-absrel": v("float_absolute_tolerance 0.1 float_relative_tolerance 0.01", "100 0.5\n", "100.9 0.55\n"),
 "float-special": v("float_tolerance 1e-9", "nan inf -inf 0x1p3 1e308\n", "NaN INF -Infinity 8 1e308\n"),
 "float-notnum": v("float_relative_tolerance 1e-3", "42\n", "forty-two\n"),
 "float-inf-team": v("float_tolerance 1e300", "1\n", "inf\n"),
 "flags-bad-number": v("float_tolerance abc", "1\n", "1\n"),
 "flags-negative": v("float_tolerance -1", "1\n", "1\n"),
 "flags-huge": v("float_absolute_tolerance 1e400", "1\n", "1\n"),
 "flags-missing": v("float_relative_tolerance", "1\n", "1\n"),
 "flags-unknown": v("foo_bar case_sensitive", "x\n", "x\n"),
 "extra-output": v("", "1\n", "1 2\n"),
 "early-end": v("", "1 2\n", "1\n"),
 "empty-both": v("", "", ""),
 "nul-bytes": v("", b"a\0b c\n", b"a\0b c\n"),
 "ctl-bytes": v("", b"\x01\x7f\xff\n", b"\x01\x7f\xfe\n"),
 "long-token": v("", "a" * 5000, "a" * 4999 + "b"),
 "long-token-equal": v("case_sensitive", "x" * 4096 + " y", "x" * 4096 + " y"),
 "long-number": v("float_tolerance 1e-6", "1" * 4096, "1" * 4096 + ".0"),
 "long-space": v("space_change_sensitive", "a" + " " * 5000 + "b", "a" + " " * 5001 + "b"),
 "lines": v("", "1\n2\n3\n4\n", "1\n2\n3\n5\n"),
}
for k, data in V.items():
    put("validate", k, data)

# ---- demux: one control byte, then the stream ------------------------------------
def frame(kind, payload, size=None, pad=b"\0\0\0"):
    return bytes([kind]) + pad + struct.pack(">I", len(payload) if size is None else size) + payload

D = {
 "stdout-stderr": b"\x00" + frame(1, b"hello\n") + frame(2, b"oops\n"),
 "stdin-zero": b"\x03" + frame(0, b"in") + frame(1, b"") + frame(1, b"out"),
 "bad-type": b"\x01" + frame(1, b"ok") + frame(3, b"bad"),
 "bad-padding": b"\x02" + frame(1, b"x", pad=b"\0\1\0"),
 "short-header": b"\x04" + frame(1, b"abc") + b"\x01\0\0",
 "short-payload": b"\x05" + frame(2, b"0123456789", size=100),
 "huge-size": b"\x06" + frame(1, b"tail", size=0xffffffff),
 "many-small": b"\x07" + b"".join(frame(i % 3, bytes([65 + i % 26])) for i in range(60)),
 "bytes": b"\xff" + frame(1, bytes(range(256))),
}
for k, data in D.items():
    put("demux", k, data)

# ---- languages ---------------------------------------------------------------------
L = {
 "minimal.yaml": "languages:\n  c:\n    image: img\n    run: [./a]\n",
 "all-keys.yaml": """languages:
  kotlin:
    aliases: [kt, KOTLIN2]
    extensions: [kt, KTS]
    image: example/kotlin:1.9
    compile: [kotlinc, "{files}", -include-runtime, -d, main.jar, "-J-Xmx{memory_mib}m"]
    run: [java, "-Xmx{memory_mib}m", -cp, main.jar, "{mainclass}", "{ literal }"]
    env: [JAVA_OPTS=, "A=b=c"]
    entry: [Main.kt, main.kt]
    memory: jvm
  ruby:
    extensions: [rb]
    image: ruby:3
    compile: ~
    run: [ruby, "{main}"]
""",
 "flow.yaml": '{languages: {x: {image: i, run: ["{main}"], aliases: [y], extensions: [z]}}}\n',
 "unknown-placeholder.yaml": "languages:\n  c:\n    image: img\n    run: [./a, '{foo}']\n",
 "files-not-whole.yaml": "languages:\n  c:\n    image: img\n    run: ['x{files}']\n",
 "dup-alias.yaml": "languages:\n  a:\n    image: i\n    run: [a]\n    aliases: [x]\n  b:\n    image: i\n    run: [b]\n    aliases: [X]\n",
 "dup-name-alias.yaml": "languages:\n  a:\n    image: i\n    run: [a]\n  b:\n    image: i\n    run: [b]\n    aliases: [A]\n",
 "dup-ext.yaml": "languages:\n  a:\n    image: i\n    run: [a]\n    extensions: [c]\n  b:\n    image: i\n    run: [b]\n    extensions: [C]\n",
 "dup-key.yaml": "languages:\n  a:\n    image: i\n    run: [a]\n    run: [b]\n",
 "anchor.yaml": "languages:\n  a: &d\n    image: i\n    run: [a]\n  b: *d\n",
 "unknown-key.yaml": "languages:\n  a:\n    image: i\n    run: [a]\n    colour: blue\n",
 "unknown-top.yaml": "languages: {}\nextra: 1\n",
 "null-languages.yaml": "languages:\n",
 "empty.yaml": "",
 "comments.yaml": "# nothing\n# here\n",
 "nul.yaml": b"languages:\n  a:\0\n",
 "ctl-string.yaml": 'languages:\n  a:\n    image: "i\\u0001"\n    run: [a]\n',
 "ext-dot.yaml": "languages:\n  a:\n    image: i\n    run: [a]\n    extensions: [.c]\n",
 "env-bad.yaml": "languages:\n  a:\n    image: i\n    run: [a]\n    env: [NOEQUALS, =x]\n",
 "memory-bad.yaml": "languages:\n  a:\n    image: i\n    run: [a]\n    memory: lots\n",
 "missing-run.yaml": "languages:\n  a:\n    image: i\n",
 "empty-run.yaml": "languages:\n  a:\n    image: i\n    run: []\n",
 "image-space.yaml": "languages:\n  a:\n    image: 'a b'\n    run: [a]\n",
 "name-slash.yaml": "languages:\n  a/b:\n    image: i\n    run: [a]\n",
 "not-mapping.yaml": "- languages\n",
 "invalid.yaml": "languages:\n  a: [\n\tb\n",
 "deep.yaml": "languages:\n  a:\n    image: i\n    run: " + "[" * 70 + "]" * 70 + "\n",
 "nonstring-key.yaml": "languages:\n  [a]:\n    image: i\n    run: [a]\n",
}
for k, data in L.items():
    put("languages", k, data)

# ---- junit: strings from the front (NUL-separated), numbers from the back ---------
class J:
    """Mirrors the order in which fuzz_junit.c's build() consumes the input."""
    def __init__(self):
        self.strs, self.nums = [], []
    def s(self, text, grow=None):
        """grow: None, or the byte after 0xff (cap: bits 0-1, offset-3: bits 2-4)."""
        b = text.encode() if isinstance(text, str) else text
        self.strs.append(b)
        if b and b != b"\x01":
            self.nums.extend([0] if grow is None else [0xff, grow])
    def n(self, *bs):
        self.nums.extend(bs)
    def data(self):
        return b"".join(x + b"\0" for x in self.strs) + bytes(reversed(self.nums))

def test(j, name, verdict, time=10, wall=20, mem=3, exit_code=1, sig=0, limit=0,
         message="", out="", err="", grow_out=None):
    j.s(name); j.n(verdict, time, wall, mem, exit_code, sig, limit)
    j.s(message); j.s(out, grow_out); j.n(0); j.s(err); j.n(0)

def sub(j, path, tests, mode=0, lang="c", status="ok", cout="", msg="", expected=None,
        grow_cout=None, grow_msg=None):
    j.s(path); j.s(lang); j.n(1 if expected is not None else 0, expected or 0)
    j.s(status); j.s(cout, grow_cout); j.n(0); j.s(msg, grow_msg); j.n(len(tests))
    for t in tests:
        test(j, *t[0], **t[1])
    j.n(mode)

def report(name, subs, incomplete=0):
    j = J()
    j.s(name); j.n(70, 2, incomplete, len(subs))
    for s in subs:
        sub(j, *s[0], **s[1])
    return j.data()

AC, WA, TLE, MLE, RTE, OLE, CE, JE, SK = range(9)
HOSTILE = b"bad \xff\xfe bytes \x01\x1b[31m ]]> \"q\" 'a' & <tag> \xef\xbf\xbe caf\xc3\xa9 \xf0\x9d\x84\x9e\nline\r\x7f end"

put("junit", "basic", report("hello", [(("accepted/a.c", [(("sample/1", AC), {}), (("secret/2", AC), {})]), {})]))
put("junit", "verdicts", report("mixed", [(("wa/b.py", [
    (("1", AC), {}), (("2", WA), {"message": "token 1: expected '3', got '4'"}),
    (("3", TLE), {"limit": 1}), (("4", MLE), {"limit": 3}), (("5", RTE), {"sig": 11}),
    (("6", RTE), {"exit_code": 4}), (("7", OLE), {"limit": 4})]), {"lang": "python"})]))
put("junit", "hostile", report(HOSTILE, [((HOSTILE, [((HOSTILE, WA), {"message": HOSTILE, "out": HOSTILE, "err": HOSTILE})]),
                                          {"lang": HOSTILE, "msg": HOSTILE})]))
put("junit", "compile-error", report("ce", [(("ce.c", [(("1", SK), {}), (("2", SK), {})]),
                                             {"mode": 1, "status": "failed", "cout": "ce.c:1: error <&>"})]))
put("junit", "judge-error", report("je", [(("x/y.rs", []), {"mode": 2, "msg": "docker went away"}),
                                           (("x/z.rs", [(("1", JE), {"message": "validator crashed"})]), {"mode": 2})],
                                   incomplete=1))
put("junit", "same-ident", report("p", [(("a/b.c", []), {}), (("a_b_c", []), {}), (("a-b.c", []), {})]))
put("junit", "caps", report("caps", [(("big.c", [(("1", OLE), {"out": "\u00e9", "grow_out": 2 | 2 << 2,
                                                                  "message": "\u2603"})]), {})]))
put("junit", "caps-ce", report("caps", [(("ce.c", [(("1", SK), {})]),
                                         {"mode": 1, "status": "failed", "cout": "\U0001d11e", "grow_cout": 3 | 3 << 2,
                                          "msg": "\u2603", "grow_msg": 0 | 4 << 2})]))
put("junit", "nulls", b"\0\0\0\0\0\0\0\0" + bytes([3, 1, 0, 0]))
put("junit", "expected", report("exp", [(("wa.c", [(("1", WA), {})]), {"expected": WA})]))

# ---- roster: exports of every layout; the first byte picks the layout
# (0 auto, 1 moodle, 2 canvas, 3 github, 4 blackboard, 5 plain, 6 single) ----
C = "int main(void) { return 0; }\n"
exports = {
    "moodle": [("Jane Doe_12_assignsubmission_file_/", "d", None), ("Jane Doe_12_assignsubmission_file_/a.c", "f", C),
               ("Jo Ro_13_assignsubmission_file_main.c", "f", C), ("Jo Ro_13_assignsubmission_onlinetext_/x.html", "f", "x")],
    "canvas": [("doejane_12_901_sum.c", "f", C), ("roejo_LATE_13_902_sum-1.c", "f", C), ("roejo_LATE_13_903_util.h", "f", "")],
    "github": [("hw-submissions/", "d", None), ("hw-submissions/hw-octocat/main.py", "f", "print(1)\n"),
               ("hw-submissions/hw-octocat/.git/HEAD", "f", "ref\n"), ("hw-submissions/hw-hubot/src/a.c", "f", C)],
    "blackboard": [("Lab 1_jdoe_attempt_2026-01-01-10-00-00_sum.c", "f", C),
                   ("Lab 1_jdoe_attempt_2026-01-01-10-00-00.txt", "f", "Name: Jane Doe (jdoe)\n"),
                   ("Lab 1_jdoe_attempt_2026-01-02-10-00-00_sum.c", "f", C)],
    "plain": [("alice.c", "f", C), ("bob/", "d", None), ("bob/main.py", "f", "print(2)\n"), (".hidden", "f", "")],
    "wrapped": [("export/", "d", None), ("export/alice.c", "f", C), ("export/__MACOSX/x", "f", "")],
}
for i, (name, entries) in enumerate(exports.items()):
    put("roster", name + ".tar", bytes([0]) + tar(entries))
    put("roster", name + "-forced.tar", bytes([1 + i % 6]) + tar(entries))
put("roster", "moodle.zip", bytes([0]) + zipit([("A B_1_assignsubmission_file_/x.c", C.encode(), 0o100644)]))
put("roster", "escape.tar", bytes([5]) + tar([("../up.c", "f", C), ("s/l", "l", "/etc/passwd")]))
put("roster", "empty", bytes([0]))
PY

if command -v zstd >/dev/null; then
	python3 - "$corpus/archive/seed-bundle.tar" <<'PY'
import io, sys, tarfile
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
    ti = tarfile.TarInfo("problem.yaml"); ti.mtime = 1700000000; data = b"name: zstd\n"; ti.size = len(data)
    t.addfile(ti, io.BytesIO(data))
open(sys.argv[1] + ".zst.tmp", "wb").write(buf.getvalue())
PY
	zstd -q -f --no-progress "$corpus/archive/seed-bundle.tar.zst.tmp" -o "$corpus/archive/seed-bundle.tar.zst"
	rm -f "$corpus/archive/seed-bundle.tar.zst.tmp"
fi

for t in problem_yaml archive validate demux languages junit roster; do
	printf '%-14s %3d seeds\n' "$t" "$(ls "$corpus/$t" | grep -c '^seed-')"
done
