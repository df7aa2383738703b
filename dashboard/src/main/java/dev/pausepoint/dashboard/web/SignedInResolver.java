package dev.pausepoint.dashboard.web;

import dev.pausepoint.dashboard.api.World;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives a controller its {@link SignedIn} (from the {@code {world}} of its path and the browser's
 * session), or ends the request first: no session is {@link SignInRequired}, a world other than
 * {@code live} or {@code test} is {@link PageNotFound}. Also gives {@link Browser} to signed-out pages.
 */
public class SignedInResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == SignedIn.class || parameter.getParameterType() == Browser.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Browser browser = Browser.of(request.getNativeRequest(HttpServletRequest.class));
        if (parameter.getParameterType() == Browser.class) {
            return browser;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String world = variables == null ? null : variables.get("world");
        World named = world == null ? null : World.fromPath(world).orElseThrow(PageNotFound::new);
        if (named == null) {
            throw new IllegalStateException(parameter.getMethod() + " takes SignedIn without a {world} in its path");
        }
        if (browser.session().isEmpty()) {
            throw new SignInRequired();
        }
        return new SignedIn(browser, named);
    }
}
