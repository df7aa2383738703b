package dev.pausepoint.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small PromQL parser for the expressions in deploy/observability: it accepts the language's
 * expression grammar (selectors with matchers, ranges and subqueries, offsets, functions, aggregations
 * with by/without, binary operators with bool/on/ignoring/group_left/group_right, precedence and
 * parentheses) and Grafana's {@code $__rate_interval}-style range variables, throws on anything else
 * (an unknown function, an unbalanced bracket, a dangling operator), and returns the metric names the
 * expression selects. It does not type-check (a range vector where an instant one is needed passes).
 */
final class PromQl {

    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    private static final Set<String> FUNCTIONS = Set.of("abs", "absent", "absent_over_time", "ceil", "changes",
            "clamp", "clamp_max", "clamp_min", "day_of_month", "day_of_week", "day_of_year", "days_in_month", "delta",
            "deriv", "exp", "floor", "histogram_avg", "histogram_count", "histogram_fraction", "histogram_quantile",
            "histogram_stddev", "histogram_stdvar", "histogram_sum", "hour", "idelta", "increase", "irate",
            "label_join", "label_replace", "ln", "log2", "log10", "minute", "month", "predict_linear", "rate",
            "resets", "round", "scalar", "sgn", "sort", "sort_desc", "sqrt", "time", "timestamp", "vector", "year",
            "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
            "quantile_over_time", "stddev_over_time", "stdvar_over_time", "last_over_time", "present_over_time");
    private static final Set<String> SET_OPERATORS = Set.of("and", "or", "unless");
    private static final Pattern DURATION = Pattern.compile("((\\d+(ms|s|m|h|d|w|y))+|\\$\\w+)");
    private static final Pattern RANGE = Pattern.compile(DURATION + "(:" + DURATION + "?)?");
    private static final Pattern TOKEN = Pattern.compile("\\s*(?:(?<range>\\[[^\\]]*\\])"
            + "|(?<number>(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)"
            + "|(?<ident>[a-zA-Z_:][a-zA-Z0-9_:]*)"
            + "|(?<string>\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')"
            + "|(?<op>==|!=|<=|>=|=~|!~|[-+*/%^<>=(){},]))");

    private record Token(String kind, String text) {
    }

    private final List<Token> tokens = new ArrayList<>();
    private final Set<String> metrics = new LinkedHashSet<>();
    private int position;

    private PromQl(String expression) {
        Matcher matcher = TOKEN.matcher(expression);
        int at = 0;
        while (at < expression.length()) {
            if (expression.substring(at).isBlank()) {
                break;
            }
            if (!matcher.find(at) || matcher.start() != at) {
                throw new IllegalArgumentException("unexpected character at " + at + " in: " + expression);
            }
            for (String kind : List.of("range", "number", "ident", "string", "op")) {
                if (matcher.group(kind) != null) {
                    tokens.add(new Token(kind, matcher.group(kind)));
                    break;
                }
            }
            at = matcher.end();
        }
    }

    /** The metric names {@code expression} selects; throws if it is not PromQL. */
    static Set<String> metricNames(String expression) {
        PromQl parser = new PromQl(expression);
        parser.expression(0);
        if (parser.position != parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + parser.peek().text() + "' in: " + expression);
        }
        if (parser.metrics.isEmpty()) {
            throw new IllegalArgumentException("selects no metric: " + expression);
        }
        return parser.metrics;
    }

    /** Precedence climbing; levels from loosest: or/unless, and, comparisons, + -, * / % atan2, ^. */
    private void expression(int level) {
        if (level == 6) {
            unary();
            return;
        }
        expression(level + 1);
        while (binaryOperatorAt(level)) {
            String operator = next().text();
            if (level == 2) {
                accept("bool");
            }
            matchingModifiers();
            // ^ is right-associative, the rest left.
            expression(operator.equals("^") ? level : level + 1);
        }
    }

    private boolean binaryOperatorAt(int level) {
        if (position >= tokens.size()) {
            return false;
        }
        String text = peek().text();
        return switch (level) {
            case 0 -> text.equals("or") || text.equals("unless");
            case 1 -> text.equals("and");
            case 2 -> Set.of("==", "!=", "<=", ">=", "<", ">").contains(text) && peek().kind().equals("op");
            case 3 -> text.equals("+") || text.equals("-");
            case 4 -> text.equals("*") || text.equals("/") || text.equals("%") || text.equals("atan2");
            case 5 -> text.equals("^");
            default -> false;
        };
    }

    private void matchingModifiers() {
        if (accept("on") || accept("ignoring")) {
            labelList();
        }
        if (accept("group_left") || accept("group_right")) {
            if (position < tokens.size() && peek().text().equals("(")) {
                labelList();
            }
        }
    }

    private void unary() {
        if (accept("-") || accept("+")) {
            unary();
            return;
        }
        primary();
        while (position < tokens.size() && peek().kind().equals("range")) {
            String range = next().text();
            if (!RANGE.matcher(range.substring(1, range.length() - 1).strip()).matches()) {
                throw new IllegalArgumentException("not a range: " + range);
            }
        }
        if (accept("offset")) {
            accept("-");
            Token duration = next();
            if (!DURATION.matcher(duration.text()).matches() && !duration.kind().equals("number")) {
                throw new IllegalArgumentException("not a duration after offset: " + duration.text());
            }
            if (duration.kind().equals("number") && position < tokens.size() && peek().kind().equals("ident")) {
                next();
            }
        }
    }

    private void primary() {
        Token token = next();
        switch (token.kind()) {
            case "number", "string" -> {
            }
            case "op" -> {
                if (token.text().equals("(")) {
                    expression(0);
                    expect(")");
                } else if (token.text().equals("{")) {
                    matchers();
                } else {
                    throw new IllegalArgumentException("unexpected '" + token.text() + "'");
                }
            }
            case "ident" -> identifier(token.text());
            default -> throw new IllegalArgumentException("unexpected " + token.text());
        }
    }

    private void identifier(String name) {
        if (AGGREGATIONS.contains(name)) {
            if (accept("by") || accept("without")) {
                labelList();
            }
            arguments();
            if (accept("by") || accept("without")) {
                labelList();
            }
        } else if (position < tokens.size() && peek().text().equals("(")) {
            if (!FUNCTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown function " + name);
            }
            arguments();
        } else if (SET_OPERATORS.contains(name) || Set.of("by", "without", "on", "ignoring", "group_left",
                "group_right", "bool", "offset").contains(name)) {
            throw new IllegalArgumentException("unexpected keyword " + name);
        } else {
            metrics.add(name);
            if (position < tokens.size() && peek().text().equals("{")) {
                next();
                matchers();
            }
        }
    }

    private void arguments() {
        expect("(");
        if (accept(")")) {
            return;
        }
        do {
            expression(0);
        } while (accept(","));
        expect(")");
    }

    private void labelList() {
        expect("(");
        while (!accept(")")) {
            Token label = next();
            if (!label.kind().equals("ident")) {
                throw new IllegalArgumentException("not a label name: " + label.text());
            }
            if (!peek().text().equals(")")) {
                expect(",");
            }
        }
    }

    /** After the opening brace: {@code label op "value"}, comma-separated, trailing comma allowed. */
    private void matchers() {
        while (!accept("}")) {
            Token label = next();
            Token operator = next();
            Token value = next();
            if (!label.kind().equals("ident") || !Set.of("=", "!=", "=~", "!~").contains(operator.text())
                    || !value.kind().equals("string")) {
                throw new IllegalArgumentException("not a label matcher: " + label.text() + operator.text()
                        + value.text());
            }
            if (!peek().text().equals("}")) {
                expect(",");
            }
        }
    }

    private Token peek() {
        if (position >= tokens.size()) {
            throw new IllegalArgumentException("unexpected end of expression");
        }
        return tokens.get(position);
    }

    private Token next() {
        Token token = peek();
        position++;
        return token;
    }

    private boolean accept(String text) {
        if (position < tokens.size() && tokens.get(position).text().equals(text)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String text) {
        Token token = next();
        if (!token.text().equals(text)) {
            throw new IllegalArgumentException("expected '" + text + "' but found '" + token.text() + "'");
        }
    }
}
