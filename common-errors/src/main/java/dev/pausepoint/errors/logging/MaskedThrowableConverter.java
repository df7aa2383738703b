package dev.pausepoint.errors.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Boot's {@code %wEx} (a stack trace set off by blank lines) with {@link SecretMasking} applied. */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return SecretMasking.mask(super.throwableProxyToString(proxy));
    }
}
