package dev.pausepoint.errors.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console's encoder: Boot's pattern (with the masking converters this configuration registers), or,
 * when a structured format is set ({@code logging.structured.format.console}, from {@code LOG_FORMAT}),
 * Boot's JSON encoder, which {@link MaskingJsonMembersCustomizer} masks. One appender either way, so the
 * choice needs no conditional in {@code logback.xml} (those need Janino, which is not on the class path).
 */
public class MaskedConsoleEncoder extends EncoderBase<ILoggingEvent> {

    private String pattern;
    private String format;
    private Charset charset;
    private Encoder<ILoggingEvent> delegate;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        if (format != null && !format.isBlank()) {
            StructuredLogEncoder structured = new StructuredLogEncoder();
            structured.setContext(getContext());
            structured.setFormat(format.trim());
            structured.setCharset(charset);
            delegate = structured;
        } else {
            PatternLayoutEncoder patterned = new PatternLayoutEncoder();
            patterned.setContext(getContext());
            patterned.setPattern(pattern);
            patterned.setCharset(charset);
            delegate = patterned;
        }
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
