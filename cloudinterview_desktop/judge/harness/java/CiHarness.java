// Runs a candidate's Java solution against test inputs inside the sandbox: java ci.judge.CiHarness PAYLOAD RESULT_FD
// PAYLOAD is the header (class, method names and types from the signature). The tests come on stdin, one array of
// arguments per line (for a design class: [operations, arguments]), the next only after this test's record went out.
// Arguments are converted to the types the solution itself declares (int[] or List<Integer>, long or int, ...),
// found by reflection; return values of any of those shapes are written back as JSON. Each result is one JSON line
// on RESULT_FD, in the same shape as the Python harness's; {"event": "ready"} comes before the solution is loaded.
// The harness lives in its own package, on a read-only classpath: the solution (in the unnamed package) cannot
// name it, and reaches none of its fields. LeetCode's ListNode and TreeNode are the solution's, reached here by
// reflection.
package ci.judge;

import java.io.*;
import java.lang.reflect.*;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

public final class CiHarness {
    static final int OUTPUT_CAP = 8192;

    static final class WrongType extends RuntimeException {
        WrongType(String message) { super(message); }
    }

    static final class BadInput extends RuntimeException {
        BadInput(String message) { super(message); }
    }

    // ---- JSON ----------------------------------------------------------------------------------------------
    static final class Parser {
        private final String t;
        private int p;

        Parser(String text) { t = text; }

        Object parse() {
            Object v = value();
            ws();
            if (p != t.length()) throw new BadInput("malformed JSON in the test input");
            return v;
        }

        private void ws() {
            while (p < t.length() && Character.isWhitespace(t.charAt(p))) p++;
        }

        private Object value() {
            ws();
            if (p >= t.length()) throw new BadInput("malformed JSON in the test input");
            char c = t.charAt(p);
            if (c == '[') {
                p++;
                List<Object> out = new ArrayList<>();
                ws();
                if (t.charAt(p) == ']') { p++; return out; }
                while (true) {
                    out.add(value());
                    ws();
                    char d = t.charAt(p++);
                    if (d == ']') return out;
                    if (d != ',') throw new BadInput("malformed JSON in the test input");
                }
            }
            if (c == '{') {
                p++;
                Map<String, Object> out = new LinkedHashMap<>();
                ws();
                if (t.charAt(p) == '}') { p++; return out; }
                while (true) {
                    ws();
                    String key = string();
                    ws();
                    p++;  // ':'
                    out.put(key, value());
                    ws();
                    char d = t.charAt(p++);
                    if (d == '}') return out;
                    if (d != ',') throw new BadInput("malformed JSON in the test input");
                }
            }
            if (c == '"') return string();
            if (t.startsWith("null", p)) { p += 4; return null; }
            if (t.startsWith("true", p)) { p += 4; return Boolean.TRUE; }
            if (t.startsWith("false", p)) { p += 5; return Boolean.FALSE; }
            int start = p;
            boolean real = false;
            while (p < t.length() && "+-0123456789.eE".indexOf(t.charAt(p)) >= 0) {
                if ("eE.".indexOf(t.charAt(p)) >= 0) real = true;
                p++;
            }
            String num = t.substring(start, p);
            if (num.isEmpty()) throw new BadInput("malformed JSON in the test input");
            if (real) return Double.parseDouble(num);
            BigInteger big = new BigInteger(num);
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big;
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            p++;
            while (true) {
                char c = t.charAt(p++);
                if (c == '"') return out.toString();
                if (c != '\\') { out.append(c); continue; }
                char e = t.charAt(p++);
                switch (e) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u': out.append((char) Integer.parseInt(t.substring(p, p + 4), 16)); p += 4; break;
                    default: out.append(e);
                }
            }
        }
    }

    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        out.append('"');
    }

    static String describe(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName();
    }

    // ---- JSON -> the declared parameter types -------------------------------------------------------------
    static long integral(Object v) {
        if (v instanceof Long) return (Long) v;
        throw new BadInput("expected an integer argument, got " + describe(v));
    }

    static Object convert(Object v, Type type) {
        Class<?> raw = rawClass(type);
        if (raw == int.class || raw == Integer.class) {
            long x = integral(v);
            if (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) throw new BadInput("the value " + x + " does not fit an int");
            return (int) x;
        }
        if (raw == long.class || raw == Long.class) return integral(v);
        if (raw == short.class || raw == Short.class) return (short) integral(v);
        if (raw == byte.class || raw == Byte.class) return (byte) integral(v);
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            double d;
            if (v instanceof Number) d = ((Number) v).doubleValue();
            else if ("nan".equals(v)) d = Double.NaN;
            else if ("inf".equals(v)) d = Double.POSITIVE_INFINITY;
            else if ("-inf".equals(v)) d = Double.NEGATIVE_INFINITY;
            else throw new BadInput("expected a number argument, got " + describe(v));
            return (raw == float.class || raw == Float.class) ? (Object) (float) d : (Object) d;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (!(v instanceof Boolean)) throw new BadInput("expected a boolean argument, got " + describe(v));
            return v;
        }
        if (raw == String.class) {
            if (!(v instanceof String)) throw new BadInput("expected a string argument, got " + describe(v));
            return v;
        }
        if (raw == char.class || raw == Character.class) {
            if (!(v instanceof String) || ((String) v).length() != 1) throw new BadInput("expected a one-character string");
            return ((String) v).charAt(0);
        }
        if (raw == Nodes.LIST) return buildList(v);
        if (raw == Nodes.TREE) return buildTree(v);
        if (v == null) return null;
        if (raw.isArray()) {
            if (raw == char[].class && v instanceof String) return ((String) v).toCharArray();
            List<?> items = asList(v);
            Type component = type instanceof GenericArrayType ? ((GenericArrayType) type).getGenericComponentType()
                    : raw.getComponentType();
            Object array = Array.newInstance(rawClass(component), items.size());
            for (int i = 0; i < items.size(); i++) Array.set(array, i, convert(items.get(i), component));
            return array;
        }
        if (raw.isAssignableFrom(ArrayList.class)) {
            Type item = type instanceof ParameterizedType ? ((ParameterizedType) type).getActualTypeArguments()[0]
                    : Object.class;
            List<Object> out = new ArrayList<>();
            for (Object x : asList(v)) out.add(convert(x, item));
            return out;
        }
        if (raw == Object.class) return v;
        throw new BadInput("the judge cannot pass a parameter of type " + type.getTypeName());
    }

    static List<?> asList(Object v) {
        if (!(v instanceof List)) throw new BadInput("expected a list argument, got " + describe(v));
        return (List<?>) v;
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class) return (Class<?>) type;
        if (type instanceof ParameterizedType) return (Class<?>) ((ParameterizedType) type).getRawType();
        if (type instanceof GenericArrayType)
            return Array.newInstance(rawClass(((GenericArrayType) type).getGenericComponentType()), 0).getClass();
        if (type instanceof WildcardType) return rawClass(((WildcardType) type).getUpperBounds()[0]);
        return Object.class;
    }

    // LeetCode's node classes, in the solution's package: their constructors and fields, found once.
    static final class Nodes {
        static Class<?> LIST, TREE;
        static Constructor<?> listNew, treeNew;
        static Field listVal, listNext, treeVal, treeLeft, treeRight;

        static void load() {
            try {
                LIST = Class.forName("ListNode");
                TREE = Class.forName("TreeNode");
                listNew = LIST.getDeclaredConstructor(int.class);
                treeNew = TREE.getDeclaredConstructor(int.class);
                listVal = LIST.getDeclaredField("val");
                listNext = LIST.getDeclaredField("next");
                treeVal = TREE.getDeclaredField("val");
                treeLeft = TREE.getDeclaredField("left");
                treeRight = TREE.getDeclaredField("right");
                for (AccessibleObject o : new AccessibleObject[] {listNew, treeNew, listVal, listNext, treeVal, treeLeft, treeRight})
                    o.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the judge's ListNode/TreeNode are missing: " + e);
            }
        }

        static Object make(Constructor<?> ctor, Object value) {
            try {
                return ctor.newInstance((int) integral(value));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        static Object get(Field field, Object node) {
            try {
                return field.get(node);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        static void set(Field field, Object node, Object value) {
            try {
                field.set(node, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Object buildList(Object v) {
        if (v == null) return null;
        List<?> items = asList(v);
        Object head = null;
        for (int i = items.size() - 1; i >= 0; i--) {
            Object node = Nodes.make(Nodes.listNew, items.get(i));
            Nodes.set(Nodes.listNext, node, head);
            head = node;
        }
        return head;
    }

    static Object buildTree(Object v) {
        if (v == null) return null;
        List<?> items = asList(v);
        if (items.isEmpty() || items.get(0) == null) return null;
        Object root = Nodes.make(Nodes.treeNew, items.get(0));
        ArrayDeque<Object> queue = new ArrayDeque<>();
        queue.add(root);
        int i = 1;
        while (!queue.isEmpty() && i < items.size()) {
            Object node = queue.poll();
            for (Field side : new Field[] {Nodes.treeLeft, Nodes.treeRight}) {
                if (i < items.size() && items.get(i) != null) {
                    Object child = Nodes.make(Nodes.treeNew, items.get(i));
                    Nodes.set(side, node, child);
                    queue.add(child);
                }
                i++;
            }
        }
        return root;
    }

    // ---- return values -> JSON ----------------------------------------------------------------------------
    static void toJson(StringBuilder out, Object v, Class<?> declared) {
        if (v == null) {
            out.append(declared == Nodes.LIST || declared == Nodes.TREE ? "[]" : "null");
        } else if (v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            out.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) out.append("\"nan\"");
            else if (Double.isInfinite(d)) out.append(d > 0 ? "\"inf\"" : "\"-inf\"");
            else out.append(v instanceof Float ? Float.toString((Float) v) : Double.toString(d));
        } else if (v instanceof Character) {
            quote(out, v.toString());
        } else if (v instanceof String) {
            quote(out, (String) v);
        } else if (Nodes.LIST.isInstance(v)) {
            out.append('[');
            int n = 0;
            for (Object node = v; node != null; node = Nodes.get(Nodes.listNext, node)) {
                if (n++ > 0) out.append(',');
                out.append(Nodes.get(Nodes.listVal, node));
                if (n > 10_000_000) throw new WrongType("the returned linked list has a cycle");
            }
            out.append(']');
        } else if (Nodes.TREE.isInstance(v)) {
            List<Object> order = new ArrayList<>();
            order.add(v);
            for (int i = 0; i < order.size(); i++) {
                Object node = order.get(i);
                if (node == null) continue;
                order.add(Nodes.get(Nodes.treeLeft, node));
                order.add(Nodes.get(Nodes.treeRight, node));
                if (order.size() > 20_000_000) throw new WrongType("the returned tree has a cycle");
            }
            while (!order.isEmpty() && order.get(order.size() - 1) == null) order.remove(order.size() - 1);
            out.append('[');
            for (int i = 0; i < order.size(); i++) {
                if (i > 0) out.append(',');
                out.append(order.get(i) == null ? "null" : String.valueOf(Nodes.get(Nodes.treeVal, order.get(i))));
            }
            out.append(']');
        } else if (v.getClass().isArray()) {
            out.append('[');
            int n = Array.getLength(v);
            for (int i = 0; i < n; i++) {
                if (i > 0) out.append(',');
                toJson(out, Array.get(v, i), Object.class);
            }
            out.append(']');
        } else if (v instanceof Iterable) {
            out.append('[');
            boolean first = true;
            for (Object item : (Iterable<?>) v) {
                if (!first) out.append(',');
                first = false;
                toJson(out, item, Object.class);
            }
            out.append(']');
        } else {
            throw new WrongType("the judge cannot read a returned " + v.getClass().getName());
        }
    }

    // ---- per-test capture of System.out / System.err ------------------------------------------------------
    static final class Capture extends OutputStream {
        final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long total;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            total += len;
            int room = OUTPUT_CAP - kept.size();
            if (room > 0) kept.write(b, off, Math.min(room, len));
            if (outOut.total + outErr.total > outputLimit) {
                // Printing too much stops the run at once; unlike an exception, the code cannot catch it.
                report(current, "output_limit", null, "printed more than " + outputLimit + " bytes", 0, "", "");
                results.flush();
                Runtime.getRuntime().halt(0);
            }
        }

        String text() {
            String s = new String(kept.toByteArray(), StandardCharsets.UTF_8);
            return total > kept.size() ? s + "\n... (" + (total - kept.size()) + " more bytes)" : s;
        }

        void reset() {
            kept.reset();
            total = 0;
        }
    }

    static PrintStream results;
    static long outputLimit;
    static int current = -1;
    static final Capture outOut = new Capture();
    static final Capture outErr = new Capture();

    static void report(int index, String status, String valueJson, String error, double ms, String out, String err) {
        StringBuilder rec = new StringBuilder();
        rec.append("{\"index\":").append(index).append(",\"status\":\"").append(status).append("\",\"value\":");
        rec.append(valueJson == null ? "null" : valueJson).append(",\"error\":");
        quote(rec, error == null ? "" : error);
        rec.append(",\"time_ms\":").append(String.format(Locale.ROOT, "%.3f", ms)).append(",\"stdout\":");
        quote(rec, out);
        rec.append(",\"stderr\":");
        quote(rec, err);
        rec.append('}');
        results.println(rec);
        results.flush();
    }

    static String errorText(Throwable e) {
        StringBuilder out = new StringBuilder(e.toString());
        int shown = 0;
        for (StackTraceElement frame : e.getStackTrace()) {
            String cls = frame.getClassName();
            if (cls.startsWith("ci.judge.") || cls.startsWith("java.") || cls.startsWith("jdk.")
                    || cls.startsWith("sun.")) continue;
            out.append("\n    at ").append(frame);
            if (++shown >= 12) { out.append("\n    ..."); break; }
        }
        String text = out.toString();
        return text.length() > OUTPUT_CAP ? text.substring(0, OUTPUT_CAP) : text;
    }

    // ---- finding and calling the solution's methods ------------------------------------------------------
    static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : name.toCharArray()) {
            if (c == '_') { up = true; continue; }
            out.append(up ? Character.toUpperCase(c) : c);
            up = false;
        }
        return out.toString();
    }

    static Method findMethod(Class<?> cls, String name, int arity) {
        for (String candidate : new String[] {camel(name), name}) {
            for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.getName().equals(candidate) && m.getParameterCount() == arity) {
                        m.setAccessible(true);
                        return m;
                    }
                }
            }
        }
        return null;
    }

    static Object[] arguments(List<?> values, Type[] types) {
        if (values.size() != types.length)
            throw new BadInput("expected " + types.length + " arguments, got " + values.size());
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) args[i] = convert(values.get(i), types[i]);
        return args;
    }

    static long elapsedNanos;

    static Object timedCall(Method m, Object target, Object[] args) throws Throwable {
        long start = System.nanoTime();
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            elapsedNanos += System.nanoTime() - start;
        }
    }

    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the judge falls back on what the operating system reports for the process
        }
        return 0;
    }

    public static void main(String[] argv) throws Exception {
        results = new PrintStream(new FileOutputStream("/dev/fd/" + argv[1]), false, StandardCharsets.UTF_8);
        results.println("{\"event\":\"ready\"}");
        results.flush();
        Path payload = Paths.get(argv[0]);
        List<String> lines = Files.readAllLines(payload, StandardCharsets.UTF_8);
        Files.delete(payload);
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) new Parser(lines.get(0)).parse();
        // The tests' pipe is the harness's; the solution's System.in reads nothing.
        BufferedReader tests = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in),
                StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Nodes.load();
        outputLimit = (Long) header.get("output_limit");
        PrintStream realOut = System.out;
        System.setOut(new PrintStream(outOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(outErr, true, StandardCharsets.UTF_8));
        String className = (String) header.get("class");
        Class<?> cls;
        Constructor<?> ctor;
        try {
            cls = Class.forName(className);
            ctor = null;
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                if (ctor == null || c.getParameterCount() == ((List<?>) header.get("constructor")).size()) ctor = c;
            }
            ctor.setAccessible(true);
        } catch (Throwable e) {
            report(-1, "error", null, errorText(e), 0, outOut.text(), outErr.text());
            return;
        }
        report(-1, "ok", null, "", 0, outOut.text(), outErr.text());
        boolean design = Boolean.TRUE.equals(header.get("design"));
        Method function = null;
        if (!design) {
            String name = (String) header.get("method");
            function = findMethod(cls, name, ((Long) header.get("arity")).intValue());
            if (function == null) {
                results.println("{\"event\":\"signature_error\",\"error\":\"class " + className + " has no method "
                        + camel(name) + " taking " + header.get("arity") + " arguments\"}");
                results.flush();
                return;
            }
        }
        int index = -1;
        for (String line = tests.readLine(); line != null; line = tests.readLine()) {
            if (line.isEmpty()) continue;
            index++;
            current = index;
            outOut.reset();
            outErr.reset();
            elapsedNanos = 0;
            String status = "ok";
            String value = null;
            String error = "";
            try {
                List<?> test = asList(new Parser(line).parse());
                StringBuilder out = new StringBuilder();
                if (design) {
                    List<?> ops = asList(test.get(0));
                    List<?> args = asList(test.get(1));
                    Object[] ctorArgs = arguments(asList(args.get(0)), ctor.getGenericParameterTypes());
                    long start = System.nanoTime();
                    Object obj;
                    try {
                        obj = ctor.newInstance(ctorArgs);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        elapsedNanos += System.nanoTime() - start;
                    }
                    out.append("[null");
                    for (int k = 1; k < ops.size(); k++) {
                        String op = (String) ops.get(k);
                        List<?> opArgs = asList(args.get(k));
                        Method m = findMethod(cls, op, opArgs.size());
                        if (m == null) throw new BadInput("class " + className + " has no method " + camel(op));
                        Object result = timedCall(m, obj, arguments(opArgs, m.getGenericParameterTypes()));
                        out.append(',');
                        if (m.getReturnType() == void.class) out.append("null");
                        else toJson(out, result, m.getReturnType());
                    }
                    out.append(']');
                } else {
                    Object[] args = arguments(test, function.getGenericParameterTypes());
                    Object target = Modifier.isStatic(function.getModifiers()) ? null : ctor.newInstance();
                    Object result = timedCall(function, target, args);
                    toJson(out, result, function.getReturnType());
                }
                value = out.toString();
            } catch (WrongType e) {
                status = "wrong_type";
                error = e.getMessage();
            } catch (BadInput e) {
                status = "error";
                error = "invalid argument: " + e.getMessage();
            } catch (OutOfMemoryError e) {
                status = "memory";
                error = "java.lang.OutOfMemoryError: " + e.getMessage();
            } catch (StackOverflowError e) {
                status = "error";
                error = "java.lang.StackOverflowError (recursion too deep)";
            } catch (Throwable e) {
                status = "error";
                error = errorText(e);
            }
            report(index, status, value, error, elapsedNanos / 1e6, outOut.text(), outErr.text());
            if (status.equals("memory")) break;
        }
        results.println("{\"event\":\"done\",\"max_rss_kb\":" + peakRssKb() + "}");
        results.flush();
        realOut.flush();
    }
}
