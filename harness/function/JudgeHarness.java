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
// problem's number of parameters and that its parameter types can hold the
// problem's types; a problem is printed on stdout, exit 1.
//
// Names: everything lives inside JudgeHarness (nested static classes), so
// nothing collides with the student's top-level classes.
// Speed: no lambdas, method references, streams, String.format, regular
// expressions or "+" string concatenation anywhere (each bootstraps
// invokedynamic machinery at JVM start-up, tens of milliseconds); messages
// are built with StringBuilder (cat()).
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

public class JudgeHarness {
    static final String CONFIG = "judge_function.json";
    static final String SOLUTION = "Solution";

    /** A failure of the harness or of a conversion: reported as "judge: ...". */
    static final class JudgeException extends Exception {
        JudgeException(String message) {
            super(message, null, false, false);
        }

        /** The same failure, one level further out ("element 3: ..."). */
        JudgeException within(String what, int index) {
            StringBuilder sb = new StringBuilder();
            sb.append(what);
            if (index >= 0) sb.append(' ').append(index);
            sb.append(": ").append(getMessage());
            return new JudgeException(sb.toString());
        }
    }

    static String cat(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) sb.append(p);
        return sb.toString();
    }

    // ------------------------------------------------------------ JSON in

    /**
     * A strict JSON parser: null, Boolean, String, Long (integers that fit),
     * BigInteger (larger integers), Double (fractions, exponents),
     * ArrayList&lt;Object&gt;, LinkedHashMap&lt;String, Object&gt;.
     */
    static final class Parser {
        final String s;
        final String what;
        int i;

        Parser(String s, String what) {
            this.s = s;
            this.what = what;
        }

        static Object parse(String s, String what) throws JudgeException {
            Parser p = new Parser(s, what);
            Object v = p.value(0);
            p.ws();
            if (p.i != s.length()) throw p.error("unexpected data after the value");
            return v;
        }

        JudgeException error(String why) {
            return new JudgeException(cat(what, " is not valid JSON: ", why, " at offset ", i));
        }

        void ws() {
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
                i++;
            }
        }

        Object value(int depth) throws JudgeException {
            if (depth > 100000) throw error("nested too deeply");
            ws();
            if (i >= s.length()) throw error("unexpected end");
            char c = s.charAt(i);
            switch (c) {
                case '[': {
                    i++;
                    ArrayList<Object> list = new ArrayList<Object>();
                    ws();
                    if (i < s.length() && s.charAt(i) == ']') {
                        i++;
                        return list;
                    }
                    for (;;) {
                        list.add(value(depth + 1));
                        ws();
                        if (i >= s.length()) throw error("unexpected end");
                        c = s.charAt(i++);
                        if (c == ']') return list;
                        if (c != ',') {
                            i--;
                            throw error("expected ',' or ']'");
                        }
                    }
                }
                case '{': {
                    i++;
                    LinkedHashMap<String, Object> map = new LinkedHashMap<String, Object>();
                    ws();
                    if (i < s.length() && s.charAt(i) == '}') {
                        i++;
                        return map;
                    }
                    for (;;) {
                        ws();
                        if (i >= s.length() || s.charAt(i) != '"') throw error("expected a string key");
                        String key = string();
                        ws();
                        if (i >= s.length() || s.charAt(i) != ':') throw error("expected ':'");
                        i++;
                        map.put(key, value(depth + 1));
                        ws();
                        if (i >= s.length()) throw error("unexpected end");
                        c = s.charAt(i++);
                        if (c == '}') return map;
                        if (c != ',') {
                            i--;
                            throw error("expected ',' or '}'");
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
                    throw error("unexpected character");
            }
        }

        void literal(String word) throws JudgeException {
            if (!s.startsWith(word, i)) throw error("unexpected character");
            i += word.length();
        }

        Object number() throws JudgeException {
            int start = i;
            int n = s.length();
            boolean negative = false;
            if (s.charAt(i) == '-') {
                negative = true;
                i++;
            }
            if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') throw error("expected a digit");
            long value = 0;
            int digits = 0;
            if (s.charAt(i) == '0') {
                i++;
                digits = 1;
            } else {
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    value = value * 10 + (s.charAt(i) - '0');
                    digits++;
                    i++;
                }
            }
            boolean integral = true;
            if (i < n && s.charAt(i) == '.') {
                integral = false;
                i++;
                if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') throw error("expected a digit");
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
            }
            if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                integral = false;
                i++;
                if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
                if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') throw error("expected a digit");
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
            }
            if (!integral) return Double.valueOf(Double.parseDouble(s.substring(start, i)));
            if (digits <= 18) return Long.valueOf(negative ? -value : value);
            BigInteger big = new BigInteger(s.substring(start, i));
            if (big.bitLength() < 64) return Long.valueOf(big.longValue());
            return big;
        }

        String string() throws JudgeException {
            int n = s.length();
            i++;                                        // the opening quote
            int start = i;
            while (i < n) {                             // fast path: no escapes
                char c = s.charAt(i);
                if (c == '"') {
                    i++;
                    return s.substring(start, i - 1);
                }
                if (c == '\\' || c < 0x20) break;
                i++;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(s, start, i);
            while (i < n) {
                char c = s.charAt(i++);
                if (c == '"') return sb.toString();
                if (c < 0x20) {
                    i--;
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (i >= n) break;
                c = s.charAt(i++);
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
                        if (i + 4 > n) throw error("bad \\u escape");
                        int code = 0;
                        for (int k = 0; k < 4; k++) {
                            int d = Character.digit(s.charAt(i + k), 16);
                            if (d < 0) throw error("bad \\u escape");
                            code = code * 16 + d;
                        }
                        i += 4;
                        sb.append((char) code);  // surrogate pairs join as UTF-16
                        break;
                    }
                    default:
                        i--;
                        throw error("bad escape");
                }
            }
            throw error("unterminated string");
        }
    }

    // ------------------------------------------------------------ JSON out

    static final int MAX_DEPTH = 10000;

    static JudgeException notJson(String why) {
        return new JudgeException(cat("the return value cannot be written as JSON: ", why));
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
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
                    } else if (Character.isHighSurrogate(c) && k + 1 < n
                            && Character.isLowSurrogate(s.charAt(k + 1))) {
                        sb.append(c).append(s.charAt(++k));
                    } else if (Character.isSurrogate(c)) {
                        hex4(sb, c);                    // a lone surrogate
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

    static void putDouble(StringBuilder sb, double d) throws JudgeException {
        if (Double.isNaN(d)) throw notJson("it contains NaN");
        if (Double.isInfinite(d)) throw notJson("it contains an infinite number");
        sb.append(d);                                   // Double.toString: valid JSON
    }

    static void write(StringBuilder sb, Object v, int depth) throws JudgeException {
        if (depth > MAX_DEPTH) throw notJson("it is nested too deeply (or contains itself)");
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String) {
            quote(sb, (String) v);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            sb.append(((Number) v).longValue());
        } else if (v instanceof Double) {
            putDouble(sb, ((Double) v).doubleValue());
        } else if (v instanceof Float) {
            float f = ((Float) v).floatValue();
            if (Float.isNaN(f) || Float.isInfinite(f)) putDouble(sb, f);
            sb.append(f);                               // Float.toString: shortest for a float
        } else if (v instanceof Boolean) {
            sb.append(((Boolean) v).booleanValue() ? "true" : "false");
        } else if (v instanceof Character) {
            quote(sb, String.valueOf(((Character) v).charValue()));
        } else if (v instanceof BigInteger) {
            sb.append(v.toString());
        } else if (v instanceof BigDecimal) {
            sb.append(v.toString());
        } else if (v instanceof java.util.concurrent.atomic.AtomicInteger
                || v instanceof java.util.concurrent.atomic.AtomicLong) {
            sb.append(((Number) v).longValue());
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
                write(sb, x, depth + 1);
            }
            sb.append(']');
        } else if (v instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                Object k = e.getKey();
                if (!(k instanceof String)) {
                    throw notJson(cat("it contains a map whose key ", k == null ? "null" : k.getClass().getName(),
                            " is not a String"));
                }
                if (!first) sb.append(',');
                first = false;
                quote(sb, (String) k);
                sb.append(':');
                write(sb, e.getValue(), depth + 1);
            }
            sb.append('}');
        } else {
            throw notJson(cat("it contains an object of class ", v.getClass().getName()));
        }
    }

    static void writeArray(StringBuilder sb, Object v, int depth) throws JudgeException {
        sb.append('[');
        if (v instanceof int[]) {
            int[] a = (int[]) v;
            for (int k = 0; k < a.length; k++) {
                if (k > 0) sb.append(',');
                sb.append(a[k]);
            }
        } else if (v instanceof long[]) {
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
                quote(sb, String.valueOf(a[k]));
            }
        } else if (v instanceof Object[]) {
            Object[] a = (Object[]) v;
            for (int k = 0; k < a.length; k++) {
                if (k > 0) sb.append(',');
                write(sb, a[k], depth + 1);
            }
        } else {                                        // short[], byte[], float[]
            int n = Array.getLength(v);
            for (int k = 0; k < n; k++) {
                if (k > 0) sb.append(',');
                write(sb, Array.get(v, k), depth + 1);
            }
        }
        sb.append(']');
    }

    // ------------------------------------------------------------ conversion

    // Kinds of target types.  A new kind (a linked list, a binary tree) gets
    // a constant, a case in Conv.of() and a case in Conv.apply().
    static final int K_INT = 1, K_LONG = 2, K_SHORT = 3, K_BYTE = 4, K_DOUBLE = 5, K_FLOAT = 6,
            K_BOOL = 7, K_CHAR = 8, K_STRING = 9, K_BIGINT = 10, K_OBJECT = 11, K_ARRAY = 12,
            K_COLLECTION = 13, K_MAP = 14;
    // Implementations of K_COLLECTION and K_MAP.
    static final int C_ARRAYLIST = 1, C_LINKEDLIST = 2, C_LINKEDHASHSET = 3, C_TREESET = 4,
            C_ARRAYDEQUE = 5, C_PRIORITYQUEUE = 6, C_LINKEDHASHMAP = 7, C_TREEMAP = 8;

    /** How to build a value of one Java type from its JSON value. */
    static final class Conv {
        final Type type;        // for messages
        final int kind;
        final boolean primitive;
        final int impl;         // K_COLLECTION, K_MAP
        final Class<?> component; // K_ARRAY
        final Conv elem;        // K_ARRAY, K_COLLECTION; the values of K_MAP

        Conv(Type type, int kind, boolean primitive, int impl, Class<?> component, Conv elem) {
            this.type = type;
            this.kind = kind;
            this.primitive = primitive;
            this.impl = impl;
            this.component = component;
            this.elem = elem;
        }

        static Conv scalar(Type t, int kind, boolean primitive) {
            return new Conv(t, kind, primitive, 0, null, null);
        }

        static JudgeException unsupported(Type t) {
            return new JudgeException(cat("type ", t.getTypeName(), " cannot be built from JSON"));
        }

        static Class<?> erasure(Type t) {
            if (t instanceof Class) return (Class<?>) t;
            if (t instanceof ParameterizedType) return erasure(((ParameterizedType) t).getRawType());
            if (t instanceof GenericArrayType) {
                return Array.newInstance(erasure(((GenericArrayType) t).getGenericComponentType()), 0).getClass();
            }
            if (t instanceof WildcardType) return erasure(((WildcardType) t).getUpperBounds()[0]);
            if (t instanceof TypeVariable) {
                Type[] b = ((TypeVariable<?>) t).getBounds();
                return b.length > 0 ? erasure(b[0]) : Object.class;
            }
            return Object.class;
        }

        static int collectionImpl(Class<?> c) {
            if (c.isAssignableFrom(ArrayList.class)) return C_ARRAYLIST;
            if (c.isAssignableFrom(LinkedList.class)) return C_LINKEDLIST;
            if (c.isAssignableFrom(LinkedHashSet.class)) return C_LINKEDHASHSET;
            if (c.isAssignableFrom(TreeSet.class)) return C_TREESET;
            if (c.isAssignableFrom(ArrayDeque.class)) return C_ARRAYDEQUE;
            if (c.isAssignableFrom(PriorityQueue.class)) return C_PRIORITYQUEUE;
            return 0;
        }

        static int mapImpl(Class<?> c) {
            if (c.isAssignableFrom(LinkedHashMap.class)) return C_LINKEDHASHMAP;
            if (c.isAssignableFrom(TreeMap.class)) return C_TREEMAP;
            return 0;
        }

        static Conv of(Type t) throws JudgeException {
            if (t instanceof WildcardType) {
                WildcardType w = (WildcardType) t;
                Type[] lower = w.getLowerBounds();
                return of(lower.length > 0 ? lower[0] : w.getUpperBounds()[0]);
            }
            if (t instanceof TypeVariable) {
                Type[] b = ((TypeVariable<?>) t).getBounds();
                return of(b.length > 0 ? b[0] : Object.class);
            }
            if (t instanceof GenericArrayType) {
                Type ct = ((GenericArrayType) t).getGenericComponentType();
                return new Conv(t, K_ARRAY, false, 0, erasure(ct), of(ct));
            }
            Type[] args = null;
            Class<?> c;
            if (t instanceof ParameterizedType) {
                c = erasure(t);
                args = ((ParameterizedType) t).getActualTypeArguments();
            } else if (t instanceof Class) {
                c = (Class<?>) t;
            } else {
                throw unsupported(t);
            }
            if (c.isPrimitive()) {
                if (c == int.class) return scalar(t, K_INT, true);
                if (c == long.class) return scalar(t, K_LONG, true);
                if (c == double.class) return scalar(t, K_DOUBLE, true);
                if (c == boolean.class) return scalar(t, K_BOOL, true);
                if (c == char.class) return scalar(t, K_CHAR, true);
                if (c == short.class) return scalar(t, K_SHORT, true);
                if (c == byte.class) return scalar(t, K_BYTE, true);
                if (c == float.class) return scalar(t, K_FLOAT, true);
                throw unsupported(t);                   // void
            }
            if (c == Integer.class) return scalar(t, K_INT, false);
            if (c == Long.class) return scalar(t, K_LONG, false);
            if (c == Double.class) return scalar(t, K_DOUBLE, false);
            if (c == Boolean.class) return scalar(t, K_BOOL, false);
            if (c == Character.class) return scalar(t, K_CHAR, false);
            if (c == String.class || c == CharSequence.class) return scalar(t, K_STRING, false);
            if (c == Short.class) return scalar(t, K_SHORT, false);
            if (c == Byte.class) return scalar(t, K_BYTE, false);
            if (c == Float.class) return scalar(t, K_FLOAT, false);
            if (c == BigInteger.class) return scalar(t, K_BIGINT, false);
            if (c == Object.class) return scalar(t, K_OBJECT, false);
            if (c.isArray()) {
                Class<?> ct = c.getComponentType();
                return new Conv(t, K_ARRAY, false, 0, ct, of(ct));
            }
            if (Collection.class.isAssignableFrom(c) || c == Iterable.class) {
                int impl = collectionImpl(c);
                if (impl == 0) throw unsupported(t);
                Conv e = args != null && args.length == 1 ? of(args[0]) : scalar(Object.class, K_OBJECT, false);
                if (impl == C_TREESET || impl == C_PRIORITYQUEUE) {
                    if (e.kind == K_ARRAY || e.kind == K_COLLECTION || e.kind == K_MAP) throw unsupported(t);
                }
                return new Conv(t, K_COLLECTION, false, impl, null, e);
            }
            if (Map.class.isAssignableFrom(c)) {
                int impl = mapImpl(c);
                if (impl == 0) throw unsupported(t);
                Conv e = scalar(Object.class, K_OBJECT, false);
                if (args != null && args.length == 2) {
                    Class<?> key = erasure(args[0]);
                    if (key != String.class && key != Object.class && key != CharSequence.class) {
                        throw unsupported(t);
                    }
                    e = of(args[1]);
                }
                return new Conv(t, K_MAP, false, impl, null, e);
            }
            throw unsupported(t);
        }

        String typeName() {
            return type.getTypeName();
        }

        JudgeException mismatch(Object v) {
            return new JudgeException(cat("expected ", typeName(), ", got ", describe(v)));
        }

        JudgeException range(Object v) {
            return new JudgeException(cat(v, " is out of range for ", typeName()));
        }

        long integer(Object v, long min, long max) throws JudgeException {
            if (v instanceof Long) {
                long x = ((Long) v).longValue();
                if (x < min || x > max) throw range(v);
                return x;
            }
            if (v instanceof BigInteger) throw range(v);
            throw mismatch(v);
        }

        double real(Object v) throws JudgeException {
            double d;
            if (v instanceof Long) {
                d = ((Long) v).doubleValue();
            } else if (v instanceof Double) {
                d = ((Double) v).doubleValue();
            } else if (v instanceof BigInteger) {
                d = ((BigInteger) v).doubleValue();
            } else {
                throw mismatch(v);
            }
            if (Double.isInfinite(d) || (kind == K_FLOAT && Math.abs(d) > Float.MAX_VALUE)) throw range(v);
            return d;
        }

        List<?> list(Object v) throws JudgeException {
            if (v instanceof List) return (List<?>) v;
            throw mismatch(v);
        }

        Object apply(Object v) throws JudgeException {
            if (v == null) {
                if (primitive) throw mismatch(v);
                return null;
            }
            switch (kind) {
                case K_INT: return Integer.valueOf((int) integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
                case K_LONG: return Long.valueOf(integer(v, Long.MIN_VALUE, Long.MAX_VALUE));
                case K_SHORT: return Short.valueOf((short) integer(v, Short.MIN_VALUE, Short.MAX_VALUE));
                case K_BYTE: return Byte.valueOf((byte) integer(v, Byte.MIN_VALUE, Byte.MAX_VALUE));
                case K_DOUBLE: return Double.valueOf(real(v));
                case K_FLOAT: return Float.valueOf((float) real(v));
                case K_BOOL:
                    if (v instanceof Boolean) return v;
                    throw mismatch(v);
                case K_CHAR:
                    if (v instanceof String && ((String) v).length() == 1) {
                        return Character.valueOf(((String) v).charAt(0));
                    }
                    if (v instanceof String) {
                        throw new JudgeException(cat("expected ", typeName(), " (a string of one character), got a string of ",
                                ((String) v).length(), " characters"));
                    }
                    throw mismatch(v);
                case K_STRING:
                    if (v instanceof String) return v;
                    throw mismatch(v);
                case K_BIGINT:
                    if (v instanceof Long) return BigInteger.valueOf(((Long) v).longValue());
                    if (v instanceof BigInteger) return v;
                    throw mismatch(v);
                case K_OBJECT:
                    return v;
                case K_ARRAY:
                    return array(list(v));
                case K_COLLECTION:
                    return collection(list(v));
                case K_MAP:
                    return map(v);
                default:
                    throw unsupported(type);
            }
        }

        Object array(List<?> list) throws JudgeException {
            int n = list.size();
            int k = 0;
            try {
                switch (elem.kind) {
                    case K_INT:
                        if (!elem.primitive) break;
                        int[] ai = new int[n];
                        for (; k < n; k++) {
                            Object x = list.get(k);
                            if (x == null) throw elem.mismatch(x);
                            ai[k] = (int) elem.integer(x, Integer.MIN_VALUE, Integer.MAX_VALUE);
                        }
                        return ai;
                    case K_LONG:
                        if (!elem.primitive) break;
                        long[] al = new long[n];
                        for (; k < n; k++) {
                            Object x = list.get(k);
                            if (x == null) throw elem.mismatch(x);
                            al[k] = elem.integer(x, Long.MIN_VALUE, Long.MAX_VALUE);
                        }
                        return al;
                    case K_DOUBLE:
                        if (!elem.primitive) break;
                        double[] ad = new double[n];
                        for (; k < n; k++) {
                            Object x = list.get(k);
                            if (x == null) throw elem.mismatch(x);
                            ad[k] = elem.real(x);
                        }
                        return ad;
                    case K_BOOL:
                        if (!elem.primitive) break;
                        boolean[] ab = new boolean[n];
                        for (; k < n; k++) {
                            Object x = list.get(k);
                            if (!(x instanceof Boolean)) throw elem.mismatch(x);
                            ab[k] = ((Boolean) x).booleanValue();
                        }
                        return ab;
                    default:
                        break;
                }
                Object a = Array.newInstance(component, n);
                if (a instanceof Object[]) {
                    Object[] ao = (Object[]) a;
                    for (; k < n; k++) ao[k] = elem.apply(list.get(k));
                } else {
                    for (; k < n; k++) Array.set(a, k, elem.apply(list.get(k)));
                }
                return a;
            } catch (JudgeException e) {
                throw e.within("element", k + 1);
            }
        }

        Collection<Object> collection(List<?> list) throws JudgeException {
            int n = list.size();
            Collection<Object> out;
            switch (impl) {
                case C_ARRAYLIST: out = new ArrayList<Object>(n); break;
                case C_LINKEDLIST: out = new LinkedList<Object>(); break;
                case C_LINKEDHASHSET: out = new LinkedHashSet<Object>(); break;
                case C_TREESET: out = new TreeSet<Object>(); break;
                case C_ARRAYDEQUE: out = new ArrayDeque<Object>(n); break;
                default: out = new PriorityQueue<Object>(); break;
            }
            int k = 0;
            try {
                for (; k < n; k++) {
                    Object x = elem.apply(list.get(k));
                    if (x == null && (impl == C_ARRAYDEQUE || impl == C_TREESET || impl == C_PRIORITYQUEUE)) {
                        throw new JudgeException(cat(typeName(), " cannot hold null"));
                    }
                    out.add(x);
                }
            } catch (JudgeException e) {
                throw e.within("element", k + 1);
            } catch (ClassCastException e) {
                throw new JudgeException(cat("the elements of ", typeName(), " cannot be compared"));
            }
            return out;
        }

        Map<String, Object> map(Object v) throws JudgeException {
            if (!(v instanceof Map)) throw mismatch(v);
            Map<String, Object> out = impl == C_TREEMAP ? new TreeMap<String, Object>()
                    : new LinkedHashMap<String, Object>();
            Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) v).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                String key = (String) e.getKey();
                try {
                    out.put(key, elem.apply(e.getValue()));
                } catch (JudgeException x) {
                    StringBuilder sb = new StringBuilder();
                    quote(sb, key);
                    throw x.within(cat("key ", sb), -1);
                }
            }
            return out;
        }

        /** Whether a JSON value of the problem's type (e.g. "int[][]") fits. */
        boolean accepts(String base, int depth) {
            if (kind == K_OBJECT) return true;
            if (depth > 0) {
                return (kind == K_ARRAY || kind == K_COLLECTION) && elem.accepts(base, depth - 1);
            }
            switch (base) {
                case "int":
                    return kind == K_INT || kind == K_LONG || kind == K_SHORT || kind == K_BYTE
                            || kind == K_DOUBLE || kind == K_FLOAT || kind == K_BIGINT;
                case "double":
                    return kind == K_DOUBLE || kind == K_FLOAT;
                case "bool":
                    return kind == K_BOOL;
                case "string":
                    return kind == K_STRING || kind == K_CHAR;
                default:
                    return false;
            }
        }
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

    // ------------------------------------------------------------ the problem

    /** judge_function.json. */
    static final class Spec {
        String name;
        String[] paramNames;    // null: untyped
        String[] paramBases;    // "int", "double", "bool", "string"
        int[] paramDepths;      // how many []

        static String canonical(String base) {
            switch (base) {
                case "int": case "long": return "int";
                case "double": case "float": return "double";
                case "bool": case "boolean": return "bool";
                case "string": case "str": return "string";
                default: return null;
            }
        }

        static Spec read() throws JudgeException {
            byte[] bytes;
            try {
                FileInputStream in = new FileInputStream(CONFIG);
                try {
                    bytes = in.readAllBytes();
                } finally {
                    in.close();
                }
            } catch (IOException e) {
                throw new JudgeException(cat("cannot read ", CONFIG, ": ", e.getMessage()));
            }
            Object v = Parser.parse(new String(bytes, StandardCharsets.UTF_8), CONFIG);
            if (!(v instanceof Map) || !(((Map<?, ?>) v).get("name") instanceof String)) {
                throw new JudgeException(cat(CONFIG, ": expected an object with a \"name\""));
            }
            Map<?, ?> m = (Map<?, ?>) v;
            Spec s = new Spec();
            s.name = (String) m.get("name");
            Object params = m.get("params");
            if (params == null) return s;
            if (!(params instanceof List)) throw new JudgeException(cat(CONFIG, ": \"params\" must be an array or null"));
            List<?> list = (List<?>) params;
            int n = list.size();
            s.paramNames = new String[n];
            s.paramBases = new String[n];
            s.paramDepths = new int[n];
            for (int k = 0; k < n; k++) {
                Object p = list.get(k);
                Object type = p instanceof Map ? ((Map<?, ?>) p).get("type") : null;
                Object pname = p instanceof Map ? ((Map<?, ?>) p).get("name") : null;
                if (!(type instanceof String)) throw new JudgeException(cat(CONFIG, ": parameter ", k + 1, " has no type"));
                String t = ((String) type).replace(" ", "");
                int depth = 0;
                while (t.endsWith("[]")) {
                    t = t.substring(0, t.length() - 2);
                    depth++;
                }
                String base = canonical(t);
                if (base == null) throw new JudgeException(cat(CONFIG, ": unknown type \"", type, "\""));
                s.paramNames[k] = pname instanceof String ? (String) pname : "";
                s.paramBases[k] = base;
                s.paramDepths[k] = depth;
            }
            return s;
        }

        boolean typed() {
            return paramNames != null;
        }

        String typeName(int k) {
            StringBuilder sb = new StringBuilder(paramBases[k]);
            for (int d = 0; d < paramDepths[k]; d++) sb.append("[]");
            return sb.toString();
        }
    }

    // ------------------------------------------------------------ the method

    /** The methods NAME of Solution and its superclasses (no bridges). */
    static List<Method> methodsNamed(Class<?> c, String name) {
        ArrayList<Method> out = new ArrayList<Method>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.isBridge() || m.isSynthetic() || !m.getName().equals(name)) continue;
                if (!overridden(out, m)) out.add(m);
            }
        }
        for (Method m : c.getMethods()) {               // interface default methods
            if (m.getDeclaringClass().isInterface() && m.getName().equals(name) && !m.isBridge()
                    && !overridden(out, m)) {
                out.add(m);
            }
        }
        // a stable order, for a deterministic choice between overloads
        for (int a = 1; a < out.size(); a++) {
            for (int b = a; b > 0 && out.get(b - 1).toGenericString().compareTo(out.get(b).toGenericString()) > 0; b--) {
                Method t = out.get(b);
                out.set(b, out.get(b - 1));
                out.set(b - 1, t);
            }
        }
        return out;
    }

    static boolean overridden(List<Method> found, Method m) {
        Class<?>[] p = m.getParameterTypes();
        for (Method f : found) {
            if (java.util.Arrays.equals(f.getParameterTypes(), p)) return true;
        }
        return false;
    }

    /** Converters of m's parameters; JudgeException when one is unsupported. */
    static Conv[] convsOf(Method m) throws JudgeException {
        Type[] types = m.getGenericParameterTypes();
        if (types.length != m.getParameterCount()) types = m.getParameterTypes();
        Conv[] convs = new Conv[types.length];
        for (int k = 0; k < types.length; k++) {
            try {
                convs[k] = Conv.of(types[k]);
            } catch (JudgeException e) {
                throw e.within(cat("parameter ", k + 1, " of ", m.getName()), -1);
            }
        }
        return convs;
    }

    /** Null when every parameter can hold the problem's type, else why not. */
    static String incompatibility(Spec spec, Conv[] convs) {
        for (int k = 0; k < convs.length; k++) {
            if (!convs[k].accepts(spec.paramBases[k], spec.paramDepths[k])) {
                return cat("parameter ", k + 1, " of ", spec.name, " is ", convs[k].typeName(),
                        ", the problem passes ", spec.typeName(k));
            }
        }
        return null;
    }

    static String countWords(List<Method> methods) {
        // "2 parameters", "1 or 3 parameters"
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

    static Class<?> solutionClass(Spec spec) throws JudgeException {
        try {
            return Class.forName(SOLUTION, false, JudgeHarness.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new JudgeException(cat("the submission defines no class Solution (the function '", spec.name,
                    "' must be a method of class Solution)"));
        }
    }

    /** The candidates with n parameters, or a JudgeException saying why none. */
    static List<Method> candidates(Class<?> sol, Spec spec, int n) throws JudgeException {
        List<Method> all = methodsNamed(sol, spec.name);
        if (all.isEmpty()) {
            throw new JudgeException(cat("the submission defines no method '", spec.name, "' in class Solution"));
        }
        ArrayList<Method> out = new ArrayList<Method>();
        for (Method m : all) {
            if (m.getParameterCount() == n) out.add(m);
        }
        if (out.isEmpty()) {
            throw new JudgeException(cat(spec.name, " takes ", countWords(all), ", the problem passes ", n));
        }
        return out;
    }

    static void checkConstructible(Class<?> sol, Method m) throws JudgeException {
        if (Modifier.isStatic(m.getModifiers())) return;
        if (sol.isInterface() || Modifier.isAbstract(sol.getModifiers())) {
            throw new JudgeException(cat("class Solution is abstract, so ", m.getName(), " cannot be called"));
        }
        try {
            sol.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new JudgeException("class Solution needs a constructor without parameters");
        }
    }

    // ------------------------------------------------------------ modes

    static final PrintStream STDOUT = System.out;

    static void flushAll() {
        System.out.flush();
        STDOUT.flush();
        System.err.flush();
    }

    static void exit(int code) {
        flushAll();
        System.exit(code);
    }

    static void judgeFailure(String message, boolean toStdout) {
        flushAll();
        PrintStream out = toStdout ? STDOUT : System.err;
        out.print("judge: ");
        out.println(message);
        exit(1);
    }

    /** The student's exception, without the harness's and reflection's frames. */
    static void studentFailure(Throwable t, PrintStream out) {
        flushAll();
        StackTraceElement[] st = t.getStackTrace();
        int keep = st.length;
        for (int k = 0; k < st.length; k++) {
            String c = st[k].getClassName();
            if (c.startsWith("JudgeHarness") || c.startsWith("jdk.internal.reflect.")
                    || c.startsWith("java.lang.reflect.")) {
                keep = k;
                break;
            }
        }
        if (keep < st.length) t.setStackTrace(java.util.Arrays.copyOf(st, keep));
        out.print("Exception in thread \"main\" ");
        t.printStackTrace(out);
        exit(1);
    }

    static Throwable unwrap(Throwable t) {
        if (t instanceof InvocationTargetException && t.getCause() != null) return t.getCause();
        if (t instanceof ExceptionInInitializerError && t.getCause() != null) return t.getCause();
        return t;
    }

    static Object instance(Class<?> sol, Method m) throws Throwable {
        if (Modifier.isStatic(m.getModifiers())) return null;
        Constructor<?> ctor = sol.getDeclaredConstructor();
        ctor.setAccessible(true);
        return ctor.newInstance();
    }

    static void run() {
        Spec spec;
        Object[] args;
        Method method = null;
        Class<?> sol;
        try {
            byte[] input;
            try {
                input = readAll(System.in);
            } catch (IOException e) {
                throw new JudgeException(cat("cannot read the input: ", e.getMessage()));
            }
            spec = Spec.read();
            Object parsed = Parser.parse(new String(input, StandardCharsets.UTF_8), "the input");
            if (!(parsed instanceof List)) throw new JudgeException("the input must be a JSON array of the arguments");
            List<?> values = (List<?>) parsed;
            int n = values.size();
            if (spec.typed() && n != spec.paramNames.length) {
                throw new JudgeException(cat("the input has ", n, " arguments, the function takes ",
                        spec.paramNames.length));
            }
            sol = solutionClass(spec);
            List<Method> cands = candidates(sol, spec, n);
            args = null;
            JudgeException first = null;
            for (Method m : cands) {
                try {
                    Conv[] convs = convsOf(m);
                    if (spec.typed() && cands.size() > 1 && incompatibility(spec, convs) != null) continue;
                    Object[] a = new Object[n];
                    for (int k = 0; k < n; k++) {
                        try {
                            a[k] = convs[k].apply(values.get(k));
                        } catch (JudgeException e) {
                            String label = spec.typed() && spec.paramNames[k].length() > 0
                                    ? cat("argument ", k + 1, " (", spec.paramNames[k], ")")
                                    : cat("argument ", k + 1);
                            throw e.within(label, -1);
                        }
                    }
                    args = a;
                    method = m;
                    break;
                } catch (JudgeException e) {
                    if (first == null) first = e;
                }
            }
            if (method == null) {
                if (first != null) throw first;
                throw new JudgeException(cat("no overload of ", spec.name, " takes the problem's parameter types"));
            }
            checkConstructible(sol, method);
        } catch (JudgeException e) {
            judgeFailure(e.getMessage(), false);
            return;
        } catch (LinkageError e) {
            studentFailure(e, System.err);
            return;
        }

        Object result;
        try {
            Object self = instance(sol, method);
            method.setAccessible(true);
            result = method.invoke(self, args);
        } catch (Throwable t) {
            studentFailure(unwrap(t), System.err);
            return;
        }

        byte[] out;
        try {
            StringBuilder sb = new StringBuilder();
            write(sb, result, 0);
            sb.append('\n');
            out = sb.toString().getBytes(StandardCharsets.UTF_8);
        } catch (JudgeException e) {
            judgeFailure(e.getMessage(), false);
            return;
        } catch (StackOverflowError e) {
            judgeFailure("the return value cannot be written as JSON: it is nested too deeply (or contains itself)", false);
            return;
        }
        flushAll();
        try {
            FileOutputStream fd3 = new FileOutputStream("/proc/self/fd/3", true);
            fd3.write(out);
            fd3.close();
        } catch (IOException e) {
            judgeFailure(cat("cannot write the result to file descriptor 3: ", e.getMessage()), false);
            return;
        }
        exit(0);
    }

    static void check() {
        try {
            Spec spec = Spec.read();
            Class<?> sol = solutionClass(spec);
            if (!spec.typed()) {
                List<Method> all = methodsNamed(sol, spec.name);
                if (all.isEmpty()) {
                    throw new JudgeException(cat("the submission defines no method '", spec.name, "' in class Solution"));
                }
                JudgeException first = null;
                for (Method m : all) {
                    try {
                        convsOf(m);
                        checkConstructible(sol, m);
                        exit(0);
                    } catch (JudgeException e) {
                        if (first == null) first = e;
                    }
                }
                throw first;
            }
            List<Method> cands = candidates(sol, spec, spec.paramNames.length);
            JudgeException first = null;
            for (Method m : cands) {
                try {
                    String why = incompatibility(spec, convsOf(m));
                    if (why != null) throw new JudgeException(why);
                    checkConstructible(sol, m);
                    exit(0);
                } catch (JudgeException e) {
                    if (first == null) first = e;
                }
            }
            throw first;
        } catch (JudgeException e) {
            judgeFailure(e.getMessage(), true);
        } catch (LinkageError e) {
            studentFailure(e, STDOUT);
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    public static void main(String[] argv) {
        if (argv.length > 0 && argv[0].equals("--check")) {
            check();
        } else {
            run();
        }
    }
}
