package dev.pausepoint.errors.servlet;

import dev.pausepoint.errors.ErrorMapper;
import dev.pausepoint.errors.FieldIssue;
import java.util.List;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;

/** Adds the servlet stack's own request-binding exceptions, which extend the servlet API. */
public class ServletErrorMapper extends ErrorMapper {

    @Override
    protected List<FieldIssue> stackSpecificIssues(Throwable failure) {
        if (failure instanceof MissingServletRequestParameterException missing) {
            return List.of(new FieldIssue(missing.getParameterName(), "is required"));
        }
        if (failure instanceof MissingRequestHeaderException missing) {
            return List.of(new FieldIssue(missing.getHeaderName(), "header is required"));
        }
        return null;
    }
}
