package dev.pausepoint.page;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;

class HostedPagesTest {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private static HostedPages pages(Stylesheet stylesheet) {
        return new HostedPages(TEMPLATES, stylesheet);
    }

    private static final HostedPages PAGES = pages(Stylesheet.load(new ClassPathResource(Stylesheet.RESOURCE)));

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theServedStylesheetIsTheResourceFileAndThePolicyAllowsExactlyItsBytes() throws Exception {
        ResponseEntity<String> page = PAGES.notice(200, "Hello", "Some text.");
        String served = Jsoup.parse(page.getBody()).selectFirst("head > style").data();
        assertThat(served).isEqualTo(
                Files.readString(Path.of("src/main/resources", Stylesheet.RESOURCE), StandardCharsets.UTF_8));
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; "
                + "style-src 'sha256-" + sha256(served) + "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    }

    @Test
    void theHashFollowsTheStylesheetItIsGiven() throws Exception {
        String css = "main{color:#a40000}";
        ResponseEntity<String> page = pages(Stylesheet.load(new ByteArrayResource(css.getBytes(StandardCharsets.UTF_8))))
                .notice(200, "Hello", "Some text.");
        assertThat(Jsoup.parse(page.getBody()).selectFirst("style").data()).isEqualTo(css);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("style-src 'sha256-" + sha256(css) + "'");
    }

    @Test
    void aPageIsOneHtmlDocumentThatIsNeverCachedFramedOrSniffed() {
        ResponseEntity<String> page = PAGES.notice(410, "Already answered", "Each link can be used once.");
        assertThat(page.getStatusCode().value()).isEqualTo(410);
        assertThat(page.getHeaders().getFirst("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(page.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        Document html = Jsoup.parse(page.getBody());
        assertThat(html.title()).isEqualTo("Already answered - PausePoint");
        assertThat(html.select("main > h1").text()).isEqualTo("Already answered");
        assertThat(html.select("main > p").text()).isEqualTo("Each link can be used once.");
        assertThat(html.select("meta[name=viewport]").attr("content")).isEqualTo("width=device-width, initial-scale=1");
        assertThat(html.select("meta[name=referrer]").attr("content")).isEqualTo("no-referrer");
        assertThat(html.select("meta[name=robots]").attr("content")).isEqualTo("noindex, nofollow");
        assertThat(html.select("script, link, img")).isEmpty();
    }

    @Test
    void titleAndTextAreEscapedNeverMarkup() {
        String title = "<script>alert(1)</script> & \"quoted\"";
        String text = "</p><script>alert(2)</script><b>bold</b> & 'single'";
        String body = PAGES.notice(200, title, text).getBody();
        assertThat(body).doesNotContain("<script").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quoted\"")
                .contains("&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; 'single'");
        Document html = Jsoup.parse(body);
        assertThat(html.title()).isEqualTo(title + " - PausePoint");
        assertThat(html.select("h1").text()).isEqualTo(title);
        assertThat(html.select("main > p").text()).isEqualTo(text);
        assertThat(html.select("script, b")).isEmpty();
    }

    @Test
    void aMissingStylesheetIsAnErrorNotAnUnstyledPage() {
        ClassPathResource missing = new ClassPathResource("dev/pausepoint/page/no-such.css");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Stylesheet.load(missing))
                .hasMessageContaining("no-such.css").hasCauseInstanceOf(IOException.class);
    }
}
