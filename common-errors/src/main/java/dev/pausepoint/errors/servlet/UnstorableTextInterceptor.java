package dev.pausepoint.errors.servlet;

import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.FieldNames;
import dev.pausepoint.errors.ValidationException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The {@link UnstorableText} check for what a request carries outside its body: query and form
 * parameters (names and values; the hosted pages post forms) and path variables. It runs once the
 * handler is chosen, before any argument is bound, so the 422 comes before every other rule of the
 * endpoint. The error dispatch is left alone: it renders a failure that already happened.
 */
public class UnstorableTextInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return true;
        }
        Set<FieldIssue> issues = new LinkedHashSet<>();
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> add(issues, FieldNames.toSnakeCase(String.valueOf(name)),
                    String.valueOf(value)));
        }
        for (Map.Entry<String, String[]> parameter : parameters(request).entrySet()) {
            String name = parameter.getKey();
            String nameProblem = UnstorableText.problemInName(name, "name");
            if (nameProblem != null) {
                // Echoing the name would echo the bad text: the issue names the parameters as a whole.
                issues.add(new FieldIssue("parameters", nameProblem));
                continue;
            }
            for (String value : parameter.getValue()) {
                add(issues, name, value);
            }
        }
        if (!issues.isEmpty()) {
            List<FieldIssue> listed = new ArrayList<>(issues);
            throw new ValidationException(listed.subList(0, Math.min(listed.size(), UnstorableText.MAX_ISSUES)));
        }
        return true;
    }

    /**
     * The query and form parameters. Tomcat throws an {@code IllegalStateException} when it cannot decode
     * them ({@code %zz}, or bytes that are not UTF-8 such as {@code %FF} or the surrogate {@code %ED%A0%80},
     * the only way a form could carry one): that is the client's malformed request, not a bug, so it is
     * the 422 here, before any binding. Like bytes that are not JSON, such text is not text at all, so the
     * issue names the part of the request that held it, the query or the (form) body.
     */
    private static Map<String, String[]> parameters(HttpServletRequest request) {
        try {
            return request.getParameterMap();
        } catch (IllegalStateException e) {
            boolean encoding = e.getCause() instanceof CharConversionException
                    || e.getCause() instanceof CharacterCodingException;
            if (!encoding) {
                throw new ValidationException("parameters", "could not be read");
            }
            throw new ValidationException(decodes(request.getQueryString()) ? "body" : "query",
                    "must be percent-encoded UTF-8");
        }
    }

    /** Whether a raw query string is well-formed percent-encoded UTF-8, as Tomcat decodes it. */
    static boolean decodes(String raw) {
        if (raw == null) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void add(Set<FieldIssue> issues, String field, String value) {
        String problem = value == null ? null : UnstorableText.problem(value);
        if (problem != null) {
            issues.add(new FieldIssue(field, problem));
        }
    }
}
