package dev.pausepoint.delivery.channel;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MessageRendererEmailTest {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String URL = "https://pausepoint.example/respond/AQE.tok";

    private static Document html(String message, List<String> options) {
        return Jsoup.parse(MessageRenderer.emailHtml(TEMPLATES,
                new OutgoingMessage("psr_1", "approver@example.com", message, options, URL)));
    }

    @Test
    void oneFullWidthButtonPerOptionOpensThePageWithThatChoice() {
        Document email = html("Deploy v2.3 to production?", List.of("Approve", "Reject"));
        List<Element> cells = email.select("table[role=presentation] > tbody > tr > td");
        assertThat(cells).hasSize(4);
        assertThat(cells.get(0).text()).isEqualTo("Action required from your AI agent");
        assertThat(cells.get(1).wholeText()).isEqualTo("Deploy v2.3 to production?");
        assertThat(email.select("a").eachText()).containsExactly("Approve", "Reject");
        assertThat(email.select("a").eachAttr("href")).containsExactly(URL + "?choice=Approve", URL + "?choice=Reject");
        assertThat(email.select("a").eachAttr("style")).allSatisfy(style -> assertThat(style)
                .startsWith("display:block;width:100%;box-sizing:border-box;padding:14px 0;"));
    }

    @Test
    void theAgentsMessageAndOptionsAreEscapedNeverMarkup() {
        String message = "<script>alert(1)</script> & \"quotes\" 'single'\nsecond line";
        List<String> options = List.of("<b>yes</b>", "no\" onclick=\"x", "a & b");
        String raw = MessageRenderer.emailHtml(TEMPLATES,
                new OutgoingMessage("psr_1", "approver@example.com", message, options, URL));
        assertThat(raw).doesNotContain("<script").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;").contains("a &amp; b");

        Document email = Jsoup.parse(raw);
        assertThat(email.select("script, b, [onclick]")).isEmpty();
        assertThat(email.select("td").get(1).wholeText()).isEqualTo(message);
        assertThat(email.select("a").eachText()).containsExactlyElementsOf(options);
        assertThat(email.select("a").eachAttr("href")).containsExactly(URL + "?choice=%3Cb%3Eyes%3C%2Fb%3E",
                URL + "?choice=no%22%20onclick%3D%22x", URL + "?choice=a%20%26%20b");
    }
}
