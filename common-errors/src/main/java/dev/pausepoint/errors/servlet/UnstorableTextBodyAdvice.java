package dev.pausepoint.errors.servlet;

import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Checks every {@code @RequestBody} for text the database cannot hold ({@link UnstorableText}) as soon as
 * it is read: before Bean Validation and before the controller's own field rules, so such a body is
 * always the 422 for that text, like a body that is not JSON at all. Raw byte bodies (signed provider
 * callbacks) are left to their controllers, which verify the signature before reading them.
 */
@ControllerAdvice
public class UnstorableTextBodyAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
            Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        UnstorableText.checkAll(body, "body");
        return body;
    }
}
