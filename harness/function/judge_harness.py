# judge_harness.py - the function-call harness for Python submissions.
#
#   python3 judge_harness.py [--check] SOLUTION.py
#
# The submission defines a function (a method NAME of a class Solution, or a
# top-level function NAME); judge_function.json in the current directory
# names it and, when known, its parameter and return types:
#   {"name": "f", "params": [{"name": "a", "type": "int[]"}] | null,
#    "returns": "double" | null}
# Run mode: stdin holds a JSON array of the arguments; the harness calls the
# function and writes its return value as one line of JSON to file
# descriptor 3.  stdout belongs to the student's own prints.  The student's
# exceptions: their traceback on stderr, exit 1.  Conversion failures and
# results that are not JSON: one "judge: ..." line on stderr, exit 1.
# --check: loads SOLUTION.py and checks that the function exists and takes
# the problem's parameters; a problem is printed on stdout, exit 1.
#
# Speed: compiling this much source costs a few milliseconds per run, so the
# code is the string BODY below, compiled once and cached (marshal) in
# __pycache__/ next to this file by the first run that may write there (the
# --check of the compile step); later runs load the cached code object.  Run
# mode imports nothing that Python has not already loaded at start-up except
# the small C module _json (the json package pulls in re and enum, several
# milliseconds); json and importlib.util are the fallbacks.

import sys

BODY = r'''import os
import sys

CONFIG = 'judge_function.json'


class JudgeError(Exception):
    """A failure of the harness or of a conversion: reported as 'judge: ...'."""


# ---------------------------------------------------------------- JSON

def _bad_constant(name):
    raise ValueError('%s is not valid JSON' % name)


def _not_json(o):
    raise JudgeError('the return value cannot be written as JSON: it contains '
                     'a value of type %s' % type(o).__name__)


class _ScanContext(object):
    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = staticmethod(_bad_constant)
    memo = None


_scan = _enc_utf8 = _enc_ascii = None
try:
    import _json
    _scan = _json.make_scanner(_ScanContext())
    # markers (cycle detection), default, string encoder, indent,
    # key_separator, item_separator, sort_keys, skipkeys, allow_nan
    _enc_utf8 = _json.make_encoder({}, _not_json, _json.encode_basestring,
                                   None, ':', ',', False, False, False)
    _enc_ascii = _json.make_encoder({}, _not_json, _json.encode_basestring_ascii,
                                    None, ':', ',', False, False, False)
except Exception:
    _scan = _enc_utf8 = _enc_ascii = None


def json_loads(text, what):
    """Parses one JSON value (the whole text)."""
    if _scan is None:
        import json
        try:
            return json.loads(text)
        except ValueError as e:
            raise JudgeError('%s is not valid JSON: %s' % (what, e))
    n = len(text)
    i = 0
    while i < n and text[i] in ' \t\r\n':
        i += 1
    try:
        value, end = _scan(text, i)
    except StopIteration as e:
        raise JudgeError('%s is not valid JSON (at character %d)' % (what, e.value))
    except ValueError as e:
        raise JudgeError('%s is not valid JSON: %s' % (what, e))
    while end < n and text[end] in ' \t\r\n':
        end += 1
    if end != n:
        raise JudgeError('%s is not valid JSON: extra data at character %d' % (what, end))
    return value


def json_dumps(value):
    """The return value as one line of JSON, UTF-8 encoded, with "\\n"."""
    try:
        if _enc_utf8 is None:
            import json
            try:
                text = json.dumps(value, ensure_ascii=False, allow_nan=False,
                                  separators=(',', ':'), default=_not_json)
                return (text + '\n').encode('utf-8')
            except UnicodeEncodeError:
                text = json.dumps(value, allow_nan=False, separators=(',', ':'),
                                  default=_not_json)
                return (text + '\n').encode('ascii')
        try:
            return (''.join(_enc_utf8(value, 0)) + '\n').encode('utf-8')
        except UnicodeEncodeError:     # a lone surrogate: escape it
            return (''.join(_enc_ascii(value, 0)) + '\n').encode('ascii')
    except JudgeError:
        raise
    except ValueError as e:
        msg = str(e)
        if 'Out of range float' in msg:
            msg = 'it contains NaN or infinity'
        elif 'Circular' in msg:
            msg = 'it contains itself (a circular reference)'
        raise JudgeError('the return value cannot be written as JSON: ' + msg)
    except TypeError as e:
        raise JudgeError('the return value cannot be written as JSON: %s' % e)
    except RecursionError:
        raise JudgeError('the return value cannot be written as JSON: it is nested too deeply')


# ---------------------------------------------------------------- types
#
# A type is a tuple (kind, elem): ('int', None), ('array', ('int', None)).
# New kinds (linked lists, binary trees) get an entry in TYPE_NAMES (or a
# parse rule) and a converter in CONVERTERS.

TYPE_NAMES = {'int': 'int', 'long': 'int', 'double': 'double', 'float': 'double',
              'bool': 'bool', 'boolean': 'bool', 'string': 'string', 'str': 'string'}


def parse_type(text):
    if not isinstance(text, str):
        raise JudgeError('%s: a type must be a string, not %r' % (CONFIG, text))
    s = text.replace(' ', '')
    depth = 0
    while s.endswith('[]'):
        s = s[:-2]
        depth += 1
    kind = TYPE_NAMES.get(s)
    if kind is None:
        raise JudgeError('%s: unknown type %r' % (CONFIG, text))
    t = (kind, None)
    for _ in range(depth):
        t = ('array', t)
    return t


def type_name(t):
    if t[0] == 'array':
        return type_name(t[1]) + '[]'
    return t[0]


def needs_conversion(t):
    """False when the JSON value is already the Python value of type t."""
    k = t[0]
    if k == 'array':
        return needs_conversion(t[1])
    return k == 'double'


def describe(v):
    if v is None:
        return 'null'
    if isinstance(v, bool):
        return 'a boolean'
    if isinstance(v, int):
        return 'the integer %d' % v
    if isinstance(v, float):
        return 'the number %r' % v
    if isinstance(v, str):
        return 'a string'
    if isinstance(v, list):
        return 'an array'
    return 'an object'


def _conv_int(v, t):
    if type(v) is not int:
        raise JudgeError('expected int, got ' + describe(v))
    return v


def _conv_double(v, t):
    tv = type(v)
    if tv is float:
        return v
    if tv is int:
        try:
            return float(v)
        except OverflowError:
            raise JudgeError('%d is out of range for double' % v)
    raise JudgeError('expected double, got ' + describe(v))


def _conv_bool(v, t):
    if type(v) is not bool:
        raise JudgeError('expected bool, got ' + describe(v))
    return v


def _conv_string(v, t):
    if type(v) is not str:
        raise JudgeError('expected string, got ' + describe(v))
    return v


def _conv_array(v, t):
    if type(v) is not list:
        raise JudgeError('expected %s, got %s' % (type_name(t), describe(v)))
    elem = t[1]
    if not needs_conversion(elem):
        return v        # the judge has checked the elements against the type
    if elem[0] == 'double':
        try:
            return [x + 0.0 for x in v]
        except (TypeError, OverflowError):
            pass        # find the culprit below, for the message
    f = CONVERTERS[elem[0]]
    out = []
    for i, x in enumerate(v):
        try:
            out.append(f(x, elem))
        except JudgeError as e:
            raise JudgeError('element %d: %s' % (i + 1, e))
    return out


CONVERTERS = {'int': _conv_int, 'double': _conv_double, 'bool': _conv_bool,
              'string': _conv_string, 'array': _conv_array}


# ---------------------------------------------------------------- loading

def read_config():
    try:
        with open(CONFIG, 'rb') as f:
            data = f.read().decode('utf-8')
    except (OSError, UnicodeDecodeError) as e:
        raise JudgeError('cannot read %s: %s' % (CONFIG, e))
    cfg = json_loads(data, CONFIG)
    if not isinstance(cfg, dict) or not isinstance(cfg.get('name'), str):
        raise JudgeError('%s: expected an object with a "name"' % CONFIG)
    params = cfg.get('params')
    types = None
    names = None
    if params is not None:
        if not isinstance(params, list):
            raise JudgeError('%s: "params" must be an array or null' % CONFIG)
        types = []
        names = []
        for p in params:
            if not isinstance(p, dict):
                raise JudgeError('%s: each parameter must be an object' % CONFIG)
            types.append(parse_type(p.get('type')))
            names.append(p.get('name') if isinstance(p.get('name'), str) else '')
    return cfg['name'], names, types


def module_name(path):
    base = os.path.basename(path)
    if base.endswith('.py'):
        base = base[:-3]
    if base.isidentifier() and base not in sys.modules and base != '__main__':
        return base
    return '_judge_solution'


def load_module(path):
    """Imports the student's file (not as __main__); their exceptions propagate."""
    d = os.path.dirname(os.path.abspath(path))
    if d not in sys.path:
        sys.path.insert(0, d)
    name = module_name(path)
    try:
        import _frozen_importlib as bootstrap
        import _frozen_importlib_external as external
        spec = external.spec_from_file_location(name, path)
        new_module = bootstrap.module_from_spec
    except (ImportError, AttributeError):
        import importlib.util
        spec = importlib.util.spec_from_file_location(name, path)
        new_module = importlib.util.module_from_spec
    if spec is None or spec.loader is None:
        raise JudgeError('cannot load %s as a Python module' % path)
    module = new_module(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def find_function(module, name):
    """The student's callable, or JudgeError; constructs Solution() when needed."""
    cls = module.__dict__.get('Solution')
    if isinstance(cls, type) and hasattr(cls, name):
        fn = getattr(cls(), name)
        if not callable(fn):
            raise JudgeError('Solution.%s is not a method' % name)
        return fn
    fn = module.__dict__.get(name)
    if fn is None:
        raise JudgeError("the submission defines no function '%s' (neither a method "
                         "of class Solution nor a top-level function)" % name)
    if not callable(fn):
        raise JudgeError("'%s' is not a function (it is a %s)" % (name, type(fn).__name__))
    return fn


# ---------------------------------------------------------------- output

def write_fd(fd, data):
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def flush_std():
    for f in (sys.stdout, sys.stderr):
        try:
            if f is not None:
                f.flush()
        except Exception:
            pass


def finish(code):
    flush_std()
    os._exit(code)


def print_trace(exc, out):
    """The traceback of the student's exception, without the harness's frames."""
    import traceback
    if isinstance(exc, SyntaxError):
        lines = traceback.format_exception_only(type(exc), exc)
    else:
        here = os.path.abspath(__file__)
        tb = exc.__traceback__
        while tb is not None:
            fname = tb.tb_frame.f_code.co_filename
            if fname.startswith('<frozen ') or os.path.abspath(fname) == here:
                tb = tb.tb_next
            else:
                break
        lines = traceback.format_exception(type(exc), exc, tb)
    try:
        out.write(''.join(lines))
        out.flush()
    except Exception:
        pass


def exit_code_of(e):
    c = e.code
    if c is None:
        return 0
    if isinstance(c, int):
        return c & 0xff
    try:
        sys.stderr.write('%s\n' % (c,))
    except Exception:
        pass
    return 1


# ---------------------------------------------------------------- modes

def run(path):
    try:
        try:
            data = sys.stdin.buffer.read()
        except (OSError, AttributeError) as e:
            raise JudgeError('cannot read the input: %s' % e)
        name, names, types = read_config()
        try:
            text = data.decode('utf-8')
        except UnicodeDecodeError:
            raise JudgeError('the input is not valid UTF-8')
        args = json_loads(text, 'the input')
        if type(args) is not list:
            raise JudgeError('the input must be a JSON array of the arguments')
        if types is not None:
            if len(args) != len(types):
                raise JudgeError('the input has %d arguments, the function takes %d'
                                 % (len(args), len(types)))
            for i, t in enumerate(types):
                try:
                    args[i] = CONVERTERS[t[0]](args[i], t)
                except JudgeError as e:
                    label = 'argument %d' % (i + 1)
                    if names[i]:
                        label += ' (%s)' % names[i]
                    raise JudgeError('%s: %s' % (label, e))
    except JudgeError as e:
        sys.stderr.write('judge: %s\n' % e)
        finish(1)

    try:
        module = load_module(path)
        fn = find_function(module, name)
        result = fn(*args)
    except JudgeError as e:
        flush_std()
        sys.stderr.write('judge: %s\n' % e)
        finish(1)
    except SystemExit as e:
        finish(exit_code_of(e))
    except BaseException as e:
        flush_std()
        print_trace(e, sys.stderr)
        finish(1)

    try:
        out = json_dumps(result)
    except JudgeError as e:
        flush_std()
        sys.stderr.write('judge: %s\n' % e)
        finish(1)
    flush_std()
    try:
        write_fd(3, out)
    except OSError as e:
        sys.stderr.write('judge: cannot write the result to file descriptor 3: %s\n'
                         % e.strerror)
        finish(1)
    finish(0)


def param_counts(fn):
    """(required, maximum or None when unbounded, keyword-only names required)."""
    import inspect
    sig = inspect.signature(fn)
    required = 0
    maximum = 0
    unbounded = False
    kwonly = []
    P = inspect.Parameter
    for p in sig.parameters.values():
        if p.kind in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD):
            maximum += 1
            if p.default is P.empty:
                required += 1
        elif p.kind == P.VAR_POSITIONAL:
            unbounded = True
        elif p.kind == P.KEYWORD_ONLY and p.default is P.empty:
            kwonly.append(p.name)
    return required, (None if unbounded else maximum), kwonly


def check(path):
    out = sys.stdout
    try:
        name, names, types = read_config()
    except JudgeError as e:
        out.write('judge: %s\n' % e)
        finish(1)
    try:
        module = load_module(path)
        fn = find_function(module, name)
    except JudgeError as e:
        flush_std()
        out.write('judge: %s\n' % e)
        finish(1)
    except SystemExit as e:
        flush_std()
        out.write('judge: loading %s called exit(%s)\n' % (path, e.code))
        finish(1)
    except BaseException as e:
        flush_std()
        print_trace(e, out)
        finish(1)
    if types is not None:
        n = len(types)
        try:
            required, maximum, kwonly = param_counts(fn)
        except (TypeError, ValueError):
            finish(0)       # no signature (a builtin): nothing to check
        problem = None
        if kwonly:
            problem = '%s has keyword-only parameters without defaults (%s), ' \
                      'the problem passes arguments by position' % (name, ', '.join(kwonly))
        elif n < required or (maximum is not None and n > maximum):
            if maximum is None:
                takes = 'at least %d' % required
            elif maximum == required:
                takes = '%d' % required
            else:
                takes = '%d to %d' % (required, maximum)
            problem = '%s takes %s %s, the problem passes %d' % (
                name, takes, 'parameter' if maximum == required == 1 else 'parameters', n)
        if problem:
            flush_std()
            out.write('judge: %s\n' % problem)
            finish(1)
    finish(0)


def main():
    argv = sys.argv[1:]
    checking = bool(argv) and argv[0] == '--check'
    if checking:
        argv = argv[1:]
    if len(argv) < 1:
        sys.stderr.write('usage: python3 judge_harness.py [--check] SOLUTION.py\n')
        finish(2)
    if checking:
        check(argv[0])
    else:
        run(argv[0])

'''



def _body_code():
    """BODY's code object: from the cache when it matches, else compiled.

    The code is compiled with this file's name and line numbers (BODY's first
    line is the line of "BODY = r"), so tracebacks point into this file."""
    import marshal
    import os
    import _frozen_importlib_external as ext
    here = os.path.abspath(__file__)
    cache = os.path.join(os.path.dirname(here), '__pycache__',
                         'judge_harness.%s.code' % sys.implementation.cache_tag)
    try:
        with open(cache, 'rb') as f:
            magic, src, code = marshal.load(f)
        if magic == ext.MAGIC_NUMBER and src == BODY:
            import _imp
            _imp._fix_co_filename(code, here)     # the directory may have moved
            return code
    except Exception:
        pass
    # BODY's closing quotes are on their own line, two blank lines above the
    # "def" of this function.
    first = _body_code.__code__.co_firstlineno - 3 - BODY.count('\n')
    code = compile('\n' * (first - 1) + BODY, here, 'exec')
    if not sys.dont_write_bytecode:
        try:
            try:
                os.mkdir(os.path.dirname(cache))
            except FileExistsError:
                pass
            ext._write_atomic(cache, marshal.dumps((ext.MAGIC_NUMBER, BODY, code)), 0o644)
        except Exception:
            pass
    return code


if __name__ == '__main__':
    exec(_body_code())
    main()
