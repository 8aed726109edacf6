// JudgeHarness.java - the function-call harness for Java submissions.
//
//   javac -encoding UTF-8 -d . JudgeHarness.java STUDENT.java...
//   java -Xmx256m -Xss64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp . JudgeHarness [--check]
//
// The submission defines class Solution (default package) with a method
// NAME, static or not, of any visibility; judge_function.json in the current
// directory names it and, when known, its parameter and return types:
//   {"name": "f", "params": [{"name": "a", "type": "int[]"}] | null,
//    "returns": "double" | null}
// Run mode: stdin holds a JSON array of the arguments, which are converted
// to the method's reflected parameter types (an overload whose parameter
// count equals the number of arguments); the return value is written as one
// line of JSON to file descriptor 3 (/proc/self/fd/3).  stdout belongs to
// the student's own prints.  The student's exceptions: their stack trace on
// stderr, exit 1.  Conversion failures and results that are not JSON: one
// "judge: ..." line on stderr, exit 1.
// --check: checks that the method exists, that an overload takes the
// problem's number of parameters, that its parameter types can be built
// from JSON and hold the problem's types; a problem is printed on stdout,
// exit 1.
//
// Conversions (JSON -> the reflected parameter type): int/Integer, long,
// short, byte (range-checked, never wrapped), double, float (a JSON integer
// is fine), boolean, char (a one-character string), String, BigInteger,
// arrays of any of these (nested), List/ArrayList/Collection/Iterable,
// LinkedList/Queue/Deque, Set/LinkedHashSet, TreeSet, ArrayDeque,
// PriorityQueue (ParameterizedType; raw: natural values), Map with String
// keys, Object (natural: Long or Double, Boolean, String, ArrayList,
// LinkedHashMap).  Results: null, numbers, Boolean, String/Character,
// arrays, Collections, Maps with String keys.  A new kind of value (a
// linked list, a binary tree) gets a kind in More.kindOf() and cases in
// More.convert(), More.write() and the Check methods.
//
// Names: everything is inside JudgeHarness (nested classes), so nothing
// collides with the student's top-level classes.
//
// Speed: a run may cost at most a couple of milliseconds more than a plain
// program, and at JVM start-up everything is slow: verifying a class costs
// about 0.1 ms per KiB of bytecode, loading one from the class path 0.2 ms
// or more.  So:
//  - JudgeHarness holds only what a common run executes (JSON of numbers,
//    strings, arrays; scalar and array parameters); the rest is in nested
//    classes loaded only when needed: Fail (messages, failures), More
//    (generic types, collections, maps, escapes, rare values), Check.
//  - judge failures are IllegalArgumentExceptions (a JDK class, loaded
//    already) carrying the message to print;
//  - no lambdas, method references, streams, String.format, regular
//    expressions or "+" string concatenation anywhere (each bootstraps
//    invokedynamic machinery, tens of milliseconds); messages are built
//    with StringBuilder (Fail.cat());
//  - no for-each over lists (an iterator class to load), no LinkedHashMap
//    for judge_function.json (loading it invalidates JIT-compiled HashMap
//    code: a safepoint), no StandardCharsets (six charset classes).
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.RandomAccess;
import java.util.TreeMap;
import java.util.TreeSet;

public class JudgeHarness {
    static final String CONFIG = "judge_function.json";
    static final String SOLUTION = "Solution";
    static final Charset UTF8 = Charset.forName("UTF-8");
    static final PrintStream STDOUT = System.out;

    // ------------------------------------------------------------ JSON in
    //
    // A strict JSON reader: null, Boolean, String, Long (integers that fit),
    // BigInteger (larger integers), Double (fractions, exponents),
    // ArrayList<Object>, LinkedHashMap<String, Object> (HashMap for
    // judge_function.json, see above).  The text is scanned as a char array:
    // a String.charAt() call per character makes charAt() hot enough to be
    // compiled during start-up.

    static char[] src;
    static String srcText;          // substrings (new String(char[]) loads StringUTF16)
    static int len;
    static int pos;
    static boolean ordered;
    static String srcWhat;

    static Object parse(String text, String what, boolean orderedObjects) {
        src = text.toCharArray();
        srcText = text;
        len = src.length;
        pos = 0;
        ordered = orderedObjects;
        srcWhat = what;
        Object v = value(0);
        ws();
        if (pos != len) throw Fail.syntax("unexpected data after the value");
        return v;
    }

    static void ws() {
        while (pos < len) {
            char c = src[pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            pos++;
        }
    }

    static Object value(int depth) {
        if (depth > 100000) throw Fail.syntax("nested too deeply");
        ws();
        if (pos >= len) throw Fail.syntax("unexpected end");
        char c = src[pos];
        switch (c) {
            case '[': {
                pos++;
                ArrayList<Object> list = new ArrayList<Object>();
                ws();
                if (pos < len && src[pos] == ']') {
                    pos++;
                    return list;
                }
                for (;;) {
                    list.add(value(depth + 1));
                    ws();
                    if (pos >= len) throw Fail.syntax("unexpected end");
                    c = src[pos++];
                    if (c == ']') return list;
                    if (c != ',') {
                        pos--;
                        throw Fail.syntax("expected ',' or ']'");
                    }
                }
            }
            case '{': {
                pos++;
                Map<String, Object> map = ordered ? new LinkedHashMap<String, Object>()
                        : new HashMap<String, Object>();
                ws();
                if (pos < len && src[pos] == '}') {
                    pos++;
                    return map;
                }
                for (;;) {
                    ws();
                    if (pos >= len || src[pos] != '"') throw Fail.syntax("expected a string key");
                    String key = string();
                    ws();
                    if (pos >= len || src[pos] != ':') throw Fail.syntax("expected ':'");
                    pos++;
                    map.put(key, value(depth + 1));
                    ws();
                    if (pos >= len) throw Fail.syntax("unexpected end");
                    c = src[pos++];
                    if (c == '}') return map;
                    if (c != ',') {
                        pos--;
                        throw Fail.syntax("expected ',' or '}'");
                    }
                }
            }
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw Fail.syntax("unexpected character");
        }
    }

    static void literal(String word) {
        int n = word.length();
        if (pos + n > len) throw Fail.syntax("unexpected end");
        for (int k = 0; k < n; k++) {
            if (src[pos + k] != word.charAt(k)) throw Fail.syntax("unexpected character");
        }
        pos += n;
    }

    static boolean digitAt(int k) {
        return k < len && src[k] >= '0' && src[k] <= '9';
    }

    static Object number() {
        int start = pos;
        boolean negative = src[pos] == '-';
        if (negative) pos++;
        if (!digitAt(pos)) throw Fail.syntax("expected a digit");
        long value = 0;
        int digits = 0;
        if (src[pos] == '0') {
            pos++;
            digits = 1;
        } else {
            while (digitAt(pos)) {
                value = value * 10 + (src[pos++] - '0');
                digits++;
            }
        }
        boolean integral = true;
        if (pos < len && src[pos] == '.') {
            integral = false;
            pos++;
            if (!digitAt(pos)) throw Fail.syntax("expected a digit");
            while (digitAt(pos)) pos++;
        }
        if (pos < len && (src[pos] == 'e' || src[pos] == 'E')) {
            integral = false;
            pos++;
            if (pos < len && (src[pos] == '+' || src[pos] == '-')) pos++;
            if (!digitAt(pos)) throw Fail.syntax("expected a digit");
            while (digitAt(pos)) pos++;
        }
        if (!integral) return Double.valueOf(Double.parseDouble(srcText.substring(start, pos)));
        if (digits <= 18) return Long.valueOf(negative ? -value : value);
        return More.bigInteger(srcText.substring(start, pos));
    }

    static String string() {
        pos++;                                          // the opening quote
        int start = pos;
        while (pos < len) {                             // no escapes: a substring
            char c = src[pos];
            if (c == '"') return srcText.substring(start, pos++);
            if (c == '\\' || c < 0x20) return More.escapedString(start);
            pos++;
        }
        throw Fail.syntax("unterminated string");
    }

    // ------------------------------------------------------------ JSON out

    static final int MAX_DEPTH = 10000;

    static void quote(StringBuilder sb, String s) {
        int n = s.length();
        if (n > 64) {
            More.quote(sb, s);                          // not charAt() per character
            return;
        }
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c < 0x20 || c == '"' || c == '\\' || (c >= 0xd800 && c <= 0xdfff)) {
                More.quote(sb, s);
                return;
            }
        }
        sb.append('"').append(s).append('"');
    }

    static void putDouble(StringBuilder sb, double d) {
        if (Double.isNaN(d)) throw Fail.notJson("it contains NaN");
        if (Double.isInfinite(d)) throw Fail.notJson("it contains an infinite number");
        sb.append(d);                                   // Double.toString: valid JSON
    }

    static void write(StringBuilder sb, Object v, int depth) {
        if (depth > MAX_DEPTH) throw Fail.notJson("it is nested too deeply (or contains itself)");
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Integer || v instanceof Long) {
            sb.append(((Number) v).longValue());
        } else if (v instanceof String) {
            quote(sb, (String) v);
        } else if (v instanceof Boolean) {
            sb.append(((Boolean) v).booleanValue() ? "true" : "false");
        } else if (v instanceof Double) {
            putDouble(sb, ((Double) v).doubleValue());
        } else if (v instanceof int[]) {
            int[] a = (int[]) v;
            sb.append('[');
            for (int k = 0; k < a.length; k++) {
                if (k > 0) sb.append(',');
                sb.append(a[k]);
            }
            sb.append(']');
        } else if (v instanceof Object[]) {
            Object[] a = (Object[]) v;
            sb.append('[');
            for (int k = 0; k < a.length; k++) {
                if (k > 0) sb.append(',');
                write(sb, a[k], depth + 1);
            }
            sb.append(']');
        } else if (v instanceof List && v instanceof RandomAccess) {
            List<?> l = (List<?>) v;
            int n = l.size();
            sb.append('[');
            for (int k = 0; k < n; k++) {
                if (k > 0) sb.append(',');
                write(sb, l.get(k), depth + 1);
            }
            sb.append(']');
        } else {
            More.write(sb, v, depth);
        }
    }

    // ------------------------------------------------------------ conversion

    static long integer(Type t, Object v, long min, long max) {
        if (v instanceof Long) {
            long x = ((Long) v).longValue();
            if (x < min || x > max) throw Fail.outOfRange(t, v);
            return x;
        }
        if (v instanceof BigInteger) throw Fail.outOfRange(t, v);
        throw Fail.mismatch(t, v);
    }

    static double real(Type t, Object v, boolean isFloat) {
        double d;
        if (v instanceof Long) {
            d = ((Long) v).doubleValue();
        } else if (v instanceof Double) {
            d = ((Double) v).doubleValue();
        } else if (v instanceof BigInteger) {
            d = ((BigInteger) v).doubleValue();
        } else {
            throw Fail.mismatch(t, v);
        }
        if (Double.isInfinite(d) || (isFloat && Math.abs(d) > Float.MAX_VALUE)) throw Fail.outOfRange(t, v);
        return d;
    }

    static List<?> jsonArray(Type t, Object v) {
        if (v instanceof List) return (List<?>) v;
        throw Fail.mismatch(t, v);
    }

    /** The JSON value v as a value of type t (common types here, the rest in More). */
    static Object convert(Type t, Object v) {
        if (t instanceof Class) {
            Class<?> c = (Class<?>) t;
            if (v == null) {
                if (c.isPrimitive()) throw Fail.mismatch(t, v);
            } else if (c == int.class || c == Integer.class) {
                return Integer.valueOf((int) integer(t, v, Integer.MIN_VALUE, Integer.MAX_VALUE));
            } else if (c == long.class || c == Long.class) {
                return Long.valueOf(integer(t, v, Long.MIN_VALUE, Long.MAX_VALUE));
            } else if (c == double.class || c == Double.class) {
                return Double.valueOf(real(t, v, false));
            } else if (c == boolean.class || c == Boolean.class) {
                if (v instanceof Boolean) return v;
                throw Fail.mismatch(t, v);
            } else if (c == String.class) {
                if (v instanceof String) return v;
                throw Fail.mismatch(t, v);
            } else if (c.isArray()) {
                return convertArray(t, c.getComponentType(), jsonArray(t, v));
            } else if (c == Object.class) {
                return v;
            }
        }
        return More.convert(t, v);
    }

    static Object convertArray(Type t, Class<?> component, List<?> list) {
        if (component.isPrimitive() && component != int.class && component != long.class
                && component != double.class && component != boolean.class) {
            return More.primitiveArray(component, list);
        }
        int n = list.size();
        int k = 0;
        try {
            if (component == int.class) {
                int[] a = new int[n];
                for (; k < n; k++) {
                    Object x = list.get(k);
                    if (x == null) throw Fail.mismatch(component, x);
                    a[k] = (int) integer(component, x, Integer.MIN_VALUE, Integer.MAX_VALUE);
                }
                return a;
            }
            if (component == long.class) {
                long[] a = new long[n];
                for (; k < n; k++) {
                    Object x = list.get(k);
                    if (x == null) throw Fail.mismatch(component, x);
                    a[k] = integer(component, x, Long.MIN_VALUE, Long.MAX_VALUE);
                }
                return a;
            }
            if (component == double.class) {
                double[] a = new double[n];
                for (; k < n; k++) {
                    Object x = list.get(k);
                    if (x == null) throw Fail.mismatch(component, x);
                    a[k] = real(component, x, false);
                }
                return a;
            }
            if (component == boolean.class) {
                boolean[] a = new boolean[n];
                for (; k < n; k++) {
                    Object x = list.get(k);
                    if (!(x instanceof Boolean)) throw Fail.mismatch(component, x);
                    a[k] = ((Boolean) x).booleanValue();
                }
                return a;
            }
            Type et = t instanceof Class ? component : More.elementType(t);
            Object[] a = (Object[]) Array.newInstance(component, n);
            for (; k < n; k++) a[k] = convert(et, list.get(k));
            return a;
        } catch (IllegalArgumentException e) {
            throw Fail.within(e, "element ", k + 1);
        }
    }

    // ------------------------------------------------------------ the problem

    static String fnName;
    static String[] paramNames;     // null: untyped (ad-hoc mode)
    static String[] paramBases;     // "int", "double", "bool", "string"
    static int[] paramDepths;       // how many []

    static String canonicalType(String base) {
        switch (base) {
            case "int": case "long": return "int";
            case "double": case "float": return "double";
            case "bool": case "boolean": return "bool";
            case "string": case "str": return "string";
            default: return null;
        }
    }

    /** Reads judge_function.json into the fields above. */
    static void readSpec() {
        byte[] bytes;
        try {
            FileInputStream in = new FileInputStream(CONFIG);
            bytes = in.readAllBytes();
            in.close();
        } catch (Exception e) {                         // not IOException: one class fewer to load
            throw Fail.failure(Fail.cat("cannot read ", CONFIG, ": ", e.getMessage()));
        }
        Object v = parse(new String(bytes, UTF8), CONFIG, false);
        if (!(v instanceof Map) || !(((Map<?, ?>) v).get("name") instanceof String)) {
            throw Fail.failure(Fail.cat(CONFIG, ": expected an object with a \"name\""));
        }
        Map<?, ?> m = (Map<?, ?>) v;
        fnName = (String) m.get("name");
        Object params = m.get("params");
        if (params == null) return;
        if (!(params instanceof List)) throw Fail.failure(Fail.cat(CONFIG, ": \"params\" must be an array or null"));
        List<?> list = (List<?>) params;
        int n = list.size();
        String[] names = new String[n];
        paramBases = new String[n];
        paramDepths = new int[n];
        for (int k = 0; k < n; k++) {
            Object p = list.get(k);
            Object type = p instanceof Map ? ((Map<?, ?>) p).get("type") : null;
            Object pname = p instanceof Map ? ((Map<?, ?>) p).get("name") : null;
            if (!(type instanceof String)) throw Fail.failure(Fail.cat(CONFIG, ": parameter ", k + 1, " has no type"));
            String t = ((String) type).trim();
            int depth = 0;
            while (t.endsWith("[]")) {
                t = t.substring(0, t.length() - 2).trim();
                depth++;
            }
            String base = canonicalType(t);
            if (base == null) throw Fail.failure(Fail.cat(CONFIG, ": unknown type \"", type, "\""));
            names[k] = pname instanceof String ? (String) pname : "";
            paramBases[k] = base;
            paramDepths[k] = depth;
        }
        paramNames = names;
    }

    static boolean typed() {
        return paramNames != null;
    }

    // ------------------------------------------------------------ the method

    static Class<?> solutionClass() {
        try {
            return Class.forName(SOLUTION, false, JudgeHarness.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw Fail.failure(Fail.cat("the submission defines no class Solution (the function '", fnName,
                    "' must be a method of class Solution)"));
        }
    }

    /** The methods NAME of Solution and its superclasses (no bridges), in a stable order. */
    static List<Method> methodsNamed(Class<?> c, String name) {
        ArrayList<Method> out = new ArrayList<Method>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            Method[] declared = k.getDeclaredMethods();
            for (int d = 0; d < declared.length; d++) {
                Method m = declared[d];
                if (m.isBridge() || m.isSynthetic() || !m.getName().equals(name)) continue;
                if (!overridden(out, m)) out.add(m);
            }
        }
        if (out.isEmpty()) More.defaultMethods(c, name, out);
        if (out.size() > 1) More.sort(out);
        return out;
    }

    static boolean overridden(List<Method> found, Method m) {
        if (found.isEmpty()) return false;
        Class<?>[] p = m.getParameterTypes();
        for (int k = 0; k < found.size(); k++) {
            if (java.util.Arrays.equals(found.get(k).getParameterTypes(), p)) return true;
        }
        return false;
    }

    static Type[] parameterTypes(Method m) {
        Type[] types = m.getGenericParameterTypes();
        return types.length == m.getParameterCount() ? types : m.getParameterTypes();
    }

    /** The overloads with n parameters; a failure saying why when there are none. */
    static List<Method> candidates(Class<?> sol, int n) {
        List<Method> all = methodsNamed(sol, fnName);
        if (all.isEmpty()) throw Fail.noMethod();
        ArrayList<Method> out = new ArrayList<Method>();
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).getParameterCount() == n) out.add(all.get(k));
        }
        if (out.isEmpty()) throw Fail.failure(Fail.cat(fnName, " takes ", Check.countWords(all), ", the problem passes ", n));
        return out;
    }

    // ------------------------------------------------------------ modes

    static void exit(int code) {
        System.out.flush();                             // the student may have replaced it
        STDOUT.flush();
        System.err.flush();
        System.exit(code);
    }

    static void run() {
        Class<?> sol;
        Method method = null;
        Object[] args = null;
        try {
            byte[] input;
            try {
                input = System.in.readAllBytes();
            } catch (Exception e) {
                throw Fail.failure(Fail.cat("cannot read the input: ", e.getMessage()));
            }
            readSpec();
            Object parsed = parse(new String(input, UTF8), "the input", true);
            if (!(parsed instanceof List)) throw Fail.failure("the input must be a JSON array of the arguments");
            List<?> values = (List<?>) parsed;
            int n = values.size();
            if (typed() && n != paramNames.length) {
                throw Fail.failure(Fail.cat("the input has ", n, " arguments, the function takes ", paramNames.length));
            }
            sol = solutionClass();
            List<Method> cands = candidates(sol, n);
            IllegalArgumentException first = null;
            for (int c = 0; c < cands.size(); c++) {
                Method m = cands.get(c);
                Type[] types = parameterTypes(m);
                if (typed() && cands.size() > 1 && !Check.fits(types)) continue;   // overloads
                Object[] a = new Object[n];
                int k = 0;
                try {
                    for (; k < n; k++) a[k] = convert(types[k], values.get(k));
                } catch (IllegalArgumentException e) {
                    if (first == null) first = Fail.argument(e, k);
                    continue;
                }
                method = m;
                args = a;
                break;
            }
            if (method == null) {
                if (first != null) throw first;
                throw Fail.failure(Fail.cat("no overload of ", fnName, " takes the problem's parameter types"));
            }
            if (!Modifier.isStatic(method.getModifiers())
                    && (sol.isInterface() || Modifier.isAbstract(sol.getModifiers()))) {
                throw Fail.failure(Fail.cat("class Solution is abstract, so ", fnName, " cannot be called"));
            }
        } catch (IllegalArgumentException e) {
            Fail.judge(e.getMessage(), System.err);
            return;
        } catch (LinkageError e) {                      // e.g. a class the student's code needs is missing
            Fail.student(e, System.err);
            return;
        }

        Object result;
        try {
            Object self = null;
            if (!Modifier.isStatic(method.getModifiers())) {
                Constructor<?> ctor = null;
                Constructor<?>[] ctors = sol.getDeclaredConstructors();
                for (int k = 0; k < ctors.length; k++) {
                    if (ctors[k].getParameterCount() == 0) ctor = ctors[k];
                }
                if (ctor == null) {
                    Fail.judge("class Solution needs a constructor without parameters", System.err);
                    return;
                }
                // Same (unnamed) package: only private members need setAccessible.
                if (Modifier.isPrivate(ctor.getModifiers())) ctor.setAccessible(true);
                self = ctor.newInstance();
            }
            if (Modifier.isPrivate(method.getModifiers())) method.setAccessible(true);
            result = method.invoke(self, args);
        } catch (Throwable t) {
            Fail.student(t, System.err);
            return;
        }

        byte[] out;
        try {
            StringBuilder sb = new StringBuilder();
            write(sb, result, 0);
            sb.append('\n');
            out = sb.toString().getBytes(UTF8);
        } catch (IllegalArgumentException e) {
            Fail.judge(e.getMessage(), System.err);
            return;
        } catch (StackOverflowError e) {
            Fail.judge("the return value cannot be written as JSON: it is nested too deeply (or contains itself)",
                    System.err);
            return;
        }
        System.out.flush();
        try {
            // Not closed: close() loads a class; exit closes the descriptor.
            new FileOutputStream("/proc/self/fd/3", true).write(out);
        } catch (Exception e) {
            Fail.judge(Fail.cat("cannot write the result to file descriptor 3: ", e.getMessage()), System.err);
            return;
        }
        exit(0);
    }

    public static void main(String[] argv) {
        if (argv.length > 0 && argv[0].equals("--check")) {
            Check.main();
        } else {
            run();
        }
    }

    // ------------------------------------------------------------ failures

    /** Failures and their messages (loaded only when something fails). */
    static final class Fail {
        /** A judge failure ("judge: " + message): conversion, JSON, lookup. */
        static IllegalArgumentException failure(String message) {
            return new IllegalArgumentException(message);
        }

        /** The same failure, one level further out: "element 3: ...". */
        static IllegalArgumentException within(IllegalArgumentException e, String what, int index) {
            return failure(cat(what, index, ": ", e.getMessage()));
        }

        /** The failure of argument k (0-based), with its name when known. */
        static IllegalArgumentException argument(IllegalArgumentException e, int k) {
            if (typed() && paramNames[k].length() > 0) {
                return failure(cat("argument ", k + 1, " (", paramNames[k], "): ", e.getMessage()));
            }
            return within(e, "argument ", k + 1);
        }

        static String cat(Object... parts) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < parts.length; k++) sb.append(parts[k]);
            return sb.toString();
        }

        static IllegalArgumentException syntax(String why) {
            return failure(cat(srcWhat, " is not valid JSON: ", why, " at offset ", pos));
        }

        static IllegalArgumentException notJson(String why) {
            return failure(cat("the return value cannot be written as JSON: ", why));
        }

        static IllegalArgumentException noMethod() {
            return failure(cat("the submission defines no method '", fnName, "' in class Solution"));
        }

        static IllegalArgumentException unsupported(Type t) {
            return failure(cat("type ", t.getTypeName(), " cannot be built from JSON"));
        }

        static IllegalArgumentException mismatch(Type t, Object v) {
            return failure(cat("expected ", t.getTypeName(), ", got ", describe(v)));
        }

        static IllegalArgumentException outOfRange(Type t, Object v) {
            return failure(cat(v, " is out of range for ", t.getTypeName()));
        }

        static String describe(Object v) {
            if (v == null) return "null";
            if (v instanceof Boolean) return "a boolean";
            if (v instanceof Long || v instanceof BigInteger) return cat("the integer ", v);
            if (v instanceof Double) return cat("the number ", v);
            if (v instanceof String) return "a string";
            if (v instanceof List) return "an array";
            return "an object";
        }

        /** "judge: MESSAGE" on out, exit 1. */
        static void judge(String message, PrintStream out) {
            System.out.flush();
            out.print("judge: ");
            out.println(message);
            exit(1);
        }

        /** The student's exception without the harness's and reflection's frames, exit 1. */
        static void student(Throwable t, PrintStream out) {
            if (t instanceof InvocationTargetException && t.getCause() != null) t = t.getCause();
            if (t instanceof ExceptionInInitializerError && t.getCause() != null) t = t.getCause();
            System.out.flush();
            StackTraceElement[] st = t.getStackTrace();
            for (int k = 0; k < st.length; k++) {
                String c = st[k].getClassName();
                if (c.startsWith("JudgeHarness") || c.startsWith("jdk.internal.reflect.")
                        || c.startsWith("java.lang.reflect.")) {
                    t.setStackTrace(java.util.Arrays.copyOf(st, k));
                    break;
                }
            }
            out.print("Exception in thread \"main\" ");
            t.printStackTrace(out);
            exit(1);
        }
    }

    // ------------------------------------------------------------ the rest

    /**
     * What a common run does not need: generic and collection types, maps,
     * rare scalars, strings with escapes, unusual results.
     */
    static final class More {
        static final int K_UNSUPPORTED = 0, K_INT = 1, K_LONG = 2, K_SHORT = 3, K_BYTE = 4, K_DOUBLE = 5,
                K_FLOAT = 6, K_BOOL = 7, K_CHAR = 8, K_STRING = 9, K_BIGINT = 10, K_OBJECT = 11, K_ARRAY = 12,
                K_COLLECTION = 13, K_MAP = 14;

        static int kindOf(Class<?> c) {
            if (c == int.class || c == Integer.class) return K_INT;
            if (c == long.class || c == Long.class) return K_LONG;
            if (c == double.class || c == Double.class) return K_DOUBLE;
            if (c == boolean.class || c == Boolean.class) return K_BOOL;
            if (c == String.class || c == CharSequence.class) return K_STRING;
            if (c == char.class || c == Character.class) return K_CHAR;
            if (c.isArray()) return K_ARRAY;
            if (c == Object.class) return K_OBJECT;
            if (c == short.class || c == Short.class) return K_SHORT;
            if (c == byte.class || c == Byte.class) return K_BYTE;
            if (c == float.class || c == Float.class) return K_FLOAT;
            if (c == BigInteger.class) return K_BIGINT;
            if (Collection.class.isAssignableFrom(c) || c == Iterable.class) {
                return newCollection(c) != null ? K_COLLECTION : K_UNSUPPORTED;
            }
            if (Map.class.isAssignableFrom(c)) return newMap(c) != null ? K_MAP : K_UNSUPPORTED;
            return K_UNSUPPORTED;
        }

        /** An empty collection that class c accepts, or null. */
        static Collection<Object> newCollection(Class<?> c) {
            if (c.isAssignableFrom(ArrayList.class)) return new ArrayList<Object>();
            if (c.isAssignableFrom(LinkedList.class)) return new LinkedList<Object>();
            if (c.isAssignableFrom(LinkedHashSet.class)) return new LinkedHashSet<Object>();
            if (c.isAssignableFrom(TreeSet.class)) return new TreeSet<Object>();
            if (c.isAssignableFrom(ArrayDeque.class)) return new ArrayDeque<Object>();
            if (c.isAssignableFrom(PriorityQueue.class)) return new PriorityQueue<Object>();
            return null;
        }

        static Map<String, Object> newMap(Class<?> c) {
            if (c.isAssignableFrom(LinkedHashMap.class)) return new LinkedHashMap<String, Object>();
            if (c.isAssignableFrom(TreeMap.class)) return new TreeMap<String, Object>();
            return null;
        }

        /** The class of a reflected type (its erasure). */
        static Class<?> erasure(Type t) {
            if (t instanceof Class) return (Class<?>) t;
            if (t instanceof ParameterizedType) return erasure(((ParameterizedType) t).getRawType());
            if (t instanceof GenericArrayType) {
                return Array.newInstance(erasure(((GenericArrayType) t).getGenericComponentType()), 0).getClass();
            }
            return erasure(bound(t));
        }

        /** The type standing for a wildcard or a type variable. */
        static Type bound(Type t) {
            if (t instanceof WildcardType) {
                WildcardType w = (WildcardType) t;
                Type[] lower = w.getLowerBounds();
                return lower.length > 0 ? lower[0] : w.getUpperBounds()[0];
            }
            if (t instanceof TypeVariable) {
                Type[] b = ((TypeVariable<?>) t).getBounds();
                return b.length > 0 ? b[0] : Object.class;
            }
            return Object.class;
        }

        /** The type of the elements of an array or collection type (of the values of a map type). */
        static Type elementType(Type t) {
            if (t instanceof Class) {
                Class<?> c = (Class<?>) t;
                return c.isArray() ? c.getComponentType() : Object.class;
            }
            if (t instanceof GenericArrayType) return ((GenericArrayType) t).getGenericComponentType();
            if (t instanceof ParameterizedType) {
                Type[] args = ((ParameterizedType) t).getActualTypeArguments();
                return args.length > 0 ? args[args.length - 1] : Object.class;
            }
            return elementType(bound(t));
        }

        static Object convert(Type t, Object v) {
            if (!(t instanceof Class) && !(t instanceof ParameterizedType) && !(t instanceof GenericArrayType)) {
                return JudgeHarness.convert(bound(t), v);
            }
            Class<?> c = erasure(t);
            int kind = kindOf(c);
            if (kind == K_UNSUPPORTED) throw Fail.unsupported(t);
            if (v == null) {
                if (c.isPrimitive()) throw Fail.mismatch(t, v);
                return null;
            }
            switch (kind) {
                case K_INT: return Integer.valueOf((int) integer(t, v, Integer.MIN_VALUE, Integer.MAX_VALUE));
                case K_LONG: return Long.valueOf(integer(t, v, Long.MIN_VALUE, Long.MAX_VALUE));
                case K_SHORT: return Short.valueOf((short) integer(t, v, Short.MIN_VALUE, Short.MAX_VALUE));
                case K_BYTE: return Byte.valueOf((byte) integer(t, v, Byte.MIN_VALUE, Byte.MAX_VALUE));
                case K_DOUBLE: return Double.valueOf(real(t, v, false));
                case K_FLOAT: return Float.valueOf((float) real(t, v, true));
                case K_BOOL:
                    if (v instanceof Boolean) return v;
                    throw Fail.mismatch(t, v);
                case K_CHAR:
                    if (v instanceof String && ((String) v).length() == 1) {
                        return Character.valueOf(((String) v).charAt(0));
                    }
                    if (v instanceof String) {
                        throw Fail.failure(Fail.cat("expected ", t.getTypeName(),
                                " (a string of one character), got a string of ", ((String) v).length(),
                                " characters"));
                    }
                    throw Fail.mismatch(t, v);
                case K_STRING:
                    if (v instanceof String) return v;
                    throw Fail.mismatch(t, v);
                case K_BIGINT:
                    if (v instanceof Long) return BigInteger.valueOf(((Long) v).longValue());
                    if (v instanceof BigInteger) return v;
                    throw Fail.mismatch(t, v);
                case K_OBJECT:
                    return v;
                case K_ARRAY:
                    return convertArray(t, erasure(t).getComponentType(), jsonArray(t, v));
                case K_COLLECTION:
                    return collection(t, c, jsonArray(t, v));
                case K_MAP:
                    return map(t, c, v);
                default:
                    throw Fail.unsupported(t);
            }
        }

        /** char[], short[], byte[], float[]. */
        static Object primitiveArray(Class<?> component, List<?> list) {
            int n = list.size();
            Object a = Array.newInstance(component, n);
            for (int k = 0; k < n; k++) {
                try {
                    Array.set(a, k, convert(component, list.get(k)));    // a null fails in convert()
                } catch (IllegalArgumentException e) {
                    throw Fail.within(e, "element ", k + 1);
                }
            }
            return a;
        }

        static Collection<Object> collection(Type t, Class<?> c, List<?> list) {
            int n = list.size();
            Collection<Object> out = newCollection(c);
            Type et = elementType(t);
            boolean nulls = out instanceof ArrayList || out instanceof LinkedList || out instanceof LinkedHashSet;
            int k = 0;
            try {
                for (; k < n; k++) {
                    Object x = JudgeHarness.convert(et, list.get(k));
                    if (x == null && !nulls) throw Fail.failure(Fail.cat(t.getTypeName(), " cannot hold null"));
                    out.add(x);
                }
            } catch (IllegalArgumentException e) {
                throw Fail.within(e, "element ", k + 1);
            } catch (ClassCastException e) {
                throw Fail.failure(Fail.cat("the elements of ", t.getTypeName(), " cannot be compared"));
            }
            return out;
        }

        static Map<String, Object> map(Type t, Class<?> c, Object v) {
            if (!(v instanceof Map)) throw Fail.mismatch(t, v);
            Map<String, Object> out = newMap(c);
            Type vt = elementType(t);
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                String key = (String) e.getKey();
                try {
                    out.put(key, JudgeHarness.convert(vt, e.getValue()));
                } catch (IllegalArgumentException x) {
                    StringBuilder sb = new StringBuilder();
                    quote(sb, key);
                    throw Fail.failure(Fail.cat("key ", sb, ": ", x.getMessage()));
                }
            }
            return out;
        }

        static Object bigInteger(String digits) {
            BigInteger big = new BigInteger(digits);
            if (big.bitLength() < 64) return Long.valueOf(big.longValue());
            return big;
        }

        /** The rest of a JSON string with escapes, from start (after the quote). */
        static String escapedString(int start) {
            StringBuilder sb = new StringBuilder();
            sb.append(src, start, pos - start);
            while (pos < len) {
                char c = src[pos++];
                if (c == '"') return sb.toString();
                if (c < 0x20) {
                    pos--;
                    throw Fail.syntax("control character in a string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= len) break;
                c = src[pos++];
                switch (c) {
                    case '"': sb.append('"'); break;
                    case '\\': sb.append('\\'); break;
                    case '/': sb.append('/'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'n': sb.append('\n'); break;
                    case 'r': sb.append('\r'); break;
                    case 't': sb.append('\t'); break;
                    case 'u': {
                        if (pos + 4 > len) throw Fail.syntax("bad \\u escape");
                        int code = 0;
                        for (int k = 0; k < 4; k++) {
                            int d = Character.digit(src[pos + k], 16);
                            if (d < 0) throw Fail.syntax("bad \\u escape");
                            code = code * 16 + d;
                        }
                        pos += 4;
                        sb.append((char) code);         // surrogate pairs join as UTF-16
                        break;
                    }
                    default:
                        pos--;
                        throw Fail.syntax("bad escape");
                }
            }
            throw Fail.syntax("unterminated string");
        }

        /** A JSON string with escapes; valid surrogate pairs stay raw, lone ones are escaped. */
        static void quote(StringBuilder sb, String str) {
            sb.append('"');
            char[] s = str.toCharArray();
            int n = s.length;
            for (int k = 0; k < n; k++) {
                char c = s[k];
                switch (c) {
                    case '"': sb.append("\\\""); break;
                    case '\\': sb.append("\\\\"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\r': sb.append("\\r"); break;
                    case '\t': sb.append("\\t"); break;
                    case '\b': sb.append("\\b"); break;
                    case '\f': sb.append("\\f"); break;
                    default:
                        if (c < 0x20) {
                            hex4(sb, c);
                        } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(s[k + 1])) {
                            sb.append(c).append(s[++k]);
                        } else if (Character.isSurrogate(c)) {
                            hex4(sb, c);
                        } else {
                            sb.append(c);
                        }
                }
            }
            sb.append('"');
        }

        static void hex4(StringBuilder sb, char c) {
            String digits = "0123456789abcdef";
            sb.append("\\u").append(digits.charAt((c >> 12) & 15)).append(digits.charAt((c >> 8) & 15))
                    .append(digits.charAt((c >> 4) & 15)).append(digits.charAt(c & 15));
        }

        /** The values JudgeHarness.write() leaves. */
        static void write(StringBuilder sb, Object v, int depth) {
            if (v instanceof Short || v instanceof Byte || v instanceof java.util.concurrent.atomic.AtomicInteger
                    || v instanceof java.util.concurrent.atomic.AtomicLong) {
                sb.append(((Number) v).longValue());
            } else if (v instanceof Float) {
                float f = ((Float) v).floatValue();
                if (Float.isNaN(f) || Float.isInfinite(f)) putDouble(sb, f);
                sb.append(f);                           // Float.toString: shortest for a float
            } else if (v instanceof BigInteger || v instanceof BigDecimal) {
                sb.append(v.toString());
            } else if (v instanceof Character) {
                quote(sb, String.valueOf(((Character) v).charValue()));
            } else if (v instanceof CharSequence) {
                quote(sb, v.toString());
            } else if (v.getClass().isArray()) {
                writeArray(sb, v, depth);
            } else if (v instanceof Collection) {
                sb.append('[');
                boolean first = true;
                for (Object x : (Collection<?>) v) {
                    if (!first) sb.append(',');
                    first = false;
                    JudgeHarness.write(sb, x, depth + 1);
                }
                sb.append(']');
            } else if (v instanceof Map) {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    Object k = e.getKey();
                    if (!(k instanceof String)) {
                        throw Fail.notJson(Fail.cat("it contains a map whose key ",
                                k == null ? "null" : k.getClass().getName(), " is not a String"));
                    }
                    if (!first) sb.append(',');
                    first = false;
                    JudgeHarness.quote(sb, (String) k);
                    sb.append(':');
                    JudgeHarness.write(sb, e.getValue(), depth + 1);
                }
                sb.append('}');
            } else {
                throw Fail.notJson(Fail.cat("it contains an object of class ", v.getClass().getName()));
            }
        }

        /** Arrays other than int[] and Object[]. */
        static void writeArray(StringBuilder sb, Object v, int depth) {
            sb.append('[');
            if (v instanceof long[]) {
                long[] a = (long[]) v;
                for (int k = 0; k < a.length; k++) {
                    if (k > 0) sb.append(',');
                    sb.append(a[k]);
                }
            } else if (v instanceof double[]) {
                double[] a = (double[]) v;
                for (int k = 0; k < a.length; k++) {
                    if (k > 0) sb.append(',');
                    putDouble(sb, a[k]);
                }
            } else if (v instanceof boolean[]) {
                boolean[] a = (boolean[]) v;
                for (int k = 0; k < a.length; k++) {
                    if (k > 0) sb.append(',');
                    sb.append(a[k] ? "true" : "false");
                }
            } else if (v instanceof char[]) {
                char[] a = (char[]) v;
                for (int k = 0; k < a.length; k++) {
                    if (k > 0) sb.append(',');
                    JudgeHarness.quote(sb, String.valueOf(a[k]));
                }
            } else {                                    // short[], byte[], float[]
                int n = Array.getLength(v);
                for (int k = 0; k < n; k++) {
                    if (k > 0) sb.append(',');
                    JudgeHarness.write(sb, Array.get(v, k), depth + 1);
                }
            }
            sb.append(']');
        }

        /** Interface default methods named name (when the class hierarchy has none). */
        static void defaultMethods(Class<?> c, String name, List<Method> out) {
            Method[] all = c.getMethods();
            for (int k = 0; k < all.length; k++) {
                Method m = all[k];
                if (m.getDeclaringClass().isInterface() && m.getName().equals(name) && !m.isBridge()
                        && !overridden(out, m)) {
                    out.add(m);
                }
            }
        }

        /** A stable order of overloads, for a deterministic choice (insertion sort: no Comparator). */
        static void sort(List<Method> out) {
            for (int a = 1; a < out.size(); a++) {
                for (int b = a; b > 0 && out.get(b - 1).toGenericString().compareTo(out.get(b).toGenericString()) > 0; b--) {
                    Method t = out.get(b);
                    out.set(b, out.get(b - 1));
                    out.set(b - 1, t);
                }
            }
        }
    }

    // ------------------------------------------------------------ --check

    /** --check, and the type checks that only it and the choice between overloads need. */
    static final class Check {
        /** Throws when a value of type t cannot be built from JSON. */
        static void requireSupported(Type t) {
            switch (More.kindOf(More.erasure(t))) {
                case More.K_UNSUPPORTED:
                    throw Fail.unsupported(t);
                case More.K_ARRAY:
                case More.K_COLLECTION:
                    requireSupported(More.elementType(t));
                    break;
                case More.K_MAP:
                    if (t instanceof ParameterizedType) {
                        Type[] args = ((ParameterizedType) t).getActualTypeArguments();
                        Class<?> key = More.erasure(args[0]);
                        if (key != String.class && key != Object.class && key != CharSequence.class) {
                            throw Fail.unsupported(t);
                        }
                    }
                    requireSupported(More.elementType(t));
                    break;
                default:
                    break;
            }
        }

        /** Whether type t holds a JSON value of the problem's type base + depth x "[]". */
        static boolean accepts(Type t, String base, int depth) {
            int kind = More.kindOf(More.erasure(t));
            if (kind == More.K_OBJECT) return true;
            if (depth > 0) {
                return (kind == More.K_ARRAY || kind == More.K_COLLECTION)
                        && accepts(More.elementType(t), base, depth - 1);
            }
            switch (base) {
                case "int":
                    return kind == More.K_INT || kind == More.K_LONG || kind == More.K_SHORT || kind == More.K_BYTE
                            || kind == More.K_DOUBLE || kind == More.K_FLOAT || kind == More.K_BIGINT;
                case "double":
                    return kind == More.K_DOUBLE || kind == More.K_FLOAT;
                case "bool":
                    return kind == More.K_BOOL;
                case "string":
                    return kind == More.K_STRING || kind == More.K_CHAR;
                default:
                    return false;
            }
        }

        /** Whether parameters of these types hold the problem's types. */
        static boolean fits(Type[] types) {
            for (int k = 0; k < types.length; k++) {
                if (!accepts(types[k], paramBases[k], paramDepths[k])) return false;
            }
            return true;
        }

        static String specTypeName(int k) {
            StringBuilder sb = new StringBuilder(paramBases[k]);
            for (int d = 0; d < paramDepths[k]; d++) sb.append("[]");
            return sb.toString();
        }

        /** Null when m can take the problem's arguments, else why not. */
        static String unusable(Class<?> sol, Method m) {
            Type[] types = parameterTypes(m);
            for (int k = 0; k < types.length; k++) {
                try {
                    requireSupported(types[k]);
                } catch (IllegalArgumentException e) {
                    return Fail.cat("parameter ", k + 1, " of ", m.getName(), ": ", e.getMessage());
                }
                if (typed() && !accepts(types[k], paramBases[k], paramDepths[k])) {
                    return Fail.cat("parameter ", k + 1, " of ", m.getName(), " is ", types[k].getTypeName(),
                            ", the problem passes ", specTypeName(k));
                }
            }
            if (!Modifier.isStatic(m.getModifiers())) {
                if (sol.isInterface() || Modifier.isAbstract(sol.getModifiers())) {
                    return Fail.cat("class Solution is abstract, so ", m.getName(), " cannot be called");
                }
                try {
                    sol.getDeclaredConstructor();
                } catch (NoSuchMethodException e) {
                    return "class Solution needs a constructor without parameters";
                }
            }
            return null;
        }

        /** "2 parameters", "1 or 3 parameters". */
        static String countWords(List<Method> methods) {
            ArrayList<Integer> counts = new ArrayList<Integer>();
            for (Method m : methods) {
                Integer c = Integer.valueOf(m.getParameterCount());
                if (!counts.contains(c)) counts.add(c);
            }
            java.util.Collections.sort(counts);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < counts.size(); k++) {
                if (k > 0) sb.append(k == counts.size() - 1 ? " or " : ", ");
                sb.append(counts.get(k));
            }
            sb.append(counts.size() == 1 && counts.get(0).intValue() == 1 ? " parameter" : " parameters");
            return sb.toString();
        }

        static void main() {
            try {
                readSpec();
                Class<?> sol = solutionClass();
                List<Method> cands;
                if (typed()) {
                    cands = candidates(sol, paramNames.length);
                } else {
                    cands = methodsNamed(sol, fnName);
                    if (cands.isEmpty()) throw Fail.noMethod();
                }
                String why = null;
                for (Method m : cands) {
                    String w = unusable(sol, m);
                    if (w == null) {
                        exit(0);
                        return;
                    }
                    if (why == null) why = w;
                }
                Fail.judge(why, STDOUT);
            } catch (IllegalArgumentException e) {
                Fail.judge(e.getMessage(), STDOUT);
            } catch (LinkageError e) {
                Fail.student(e, STDOUT);
            }
        }
    }
}
