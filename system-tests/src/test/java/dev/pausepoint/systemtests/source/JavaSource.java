package dev.pausepoint.systemtests.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java source file split the way the rules about it need: its code with comments removed and every
 * string, text block and char literal replaced by {@code ""} (so nothing inside one looks like code),
 * and the literals' own texts with their line numbers. A lexer, not a parser: enough to find
 * constructor calls and the texts a class builds, and nothing inside a comment or a string fools it.
 */
record JavaSource(Path file, String code, List<Literal> literals) {

    record Literal(int line, String text) {
    }

    /** A constructor call: the type as written, its top-level arguments, and where it is. */
    record ConstructorCall(String type, List<String> arguments, int line) {

        String simpleType() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    private static final Pattern NEW = Pattern.compile("\\bnew\\s+([A-Za-z_][\\w.]*)\\s*(?:<[^()]*?>)?\\s*\\(");

    static JavaSource read(Path file) {
        try {
            return lex(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JavaSource lex(Path file, String text) {
        StringBuilder code = new StringBuilder(text.length());
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (int k = i; k < end; k++) {
                    if (text.charAt(k) == '\n') {
                        code.append('\n');
                        line++;
                    }
                }
                i = end;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                end = end < 0 ? text.length() : end;
                String body = text.substring(i + 3, end);
                literals.add(new Literal(line, body));
                code.append("\"\"");
                for (char b : body.toCharArray()) {
                    if (b == '\n') {
                        code.append('\n');
                        line++;
                    }
                }
                i = Math.min(text.length(), end + 3);
            } else if (c == '"' || c == '\'') {
                StringBuilder literal = new StringBuilder();
                int k = i + 1;
                while (k < text.length() && text.charAt(k) != c && text.charAt(k) != '\n') {
                    if (text.charAt(k) == '\\' && k + 1 < text.length()) {
                        literal.append(text.charAt(k)).append(text.charAt(k + 1));
                        k += 2;
                    } else {
                        literal.append(text.charAt(k++));
                    }
                }
                if (c == '"') {
                    literals.add(new Literal(line, literal.toString()));
                }
                code.append(c).append(c);
                i = k + 1;
            } else {
                if (c == '\n') {
                    line++;
                }
                code.append(c);
                i++;
            }
        }
        return new JavaSource(file, code.toString(), List.copyOf(literals));
    }

    /** Every {@code new Type(...)} with its arguments split at the top level. */
    List<ConstructorCall> constructorCalls() {
        List<ConstructorCall> calls = new ArrayList<>();
        Matcher matcher = NEW.matcher(code);
        while (matcher.find()) {
            List<String> arguments = new ArrayList<>();
            int depth = 0;
            StringBuilder argument = new StringBuilder();
            for (int k = matcher.end(); k < code.length(); k++) {
                char c = code.charAt(k);
                if (depth == 0 && (c == ',' || c == ')')) {
                    if (!argument.toString().isBlank() || c == ',') {
                        arguments.add(argument.toString().strip());
                    }
                    argument.setLength(0);
                    if (c == ')') {
                        break;
                    }
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                }
                argument.append(c);
            }
            calls.add(new ConstructorCall(matcher.group(1), List.copyOf(arguments), lineOf(matcher.start())));
        }
        return calls;
    }

    /** Whether this file declares a class, record, interface or enum of that simple name. */
    boolean declares(String simpleName) {
        return Pattern.compile("\\b(class|record|interface|enum)\\s+" + Pattern.quote(simpleName) + "\\b")
                .matcher(code).find();
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int k = 0; k < offset; k++) {
            if (code.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
