package dev.pausepoint.kit.mail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Gives a service the {@link SendGridMailer}, configured from {@code SENDGRID_*} ({@code mail.yml}). The
 * service also puts {@code com.sendgrid:sendgrid-java} on its classpath: the kit leaves the SDK out of
 * services that send no email.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(MailConfiguration.class)
public @interface EnableMail {
}
