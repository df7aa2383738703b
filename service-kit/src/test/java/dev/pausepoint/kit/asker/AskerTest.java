package dev.pausepoint.kit.asker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AskerTest {

    private static final Instant EXPIRES = Instant.parse("2026-12-01T14:00:59Z");

    @Test
    void namesTheAccountAndItsAgent() {
        assertThat(new Asker("Acme Robotics", "deploy-bot").askingLine())
                .isEqualTo("Acme Robotics is asking, through its agent deploy-bot");
        assertThat(new Asker("Acme Robotics", null).askingLine()).isEqualTo("Acme Robotics is asking");
    }

    @Test
    void withoutAKnownAccountNoSenderIsNamed() {
        assertThat(new Asker(null, "deploy-bot").askingLine()).isNull();
        assertThat(Asker.unknown().named()).isFalse();
        assertThat(new Asker(" \r\n ", null).named()).as("nothing left to show").isFalse();
    }

    @Test
    void sixtyCodePointsAreShownWholeAndSixtyOneAreCut() {
        String sixty = "🚀".repeat(60);
        assertThat(Asker.display(sixty)).isEqualTo(sixty);
        String shown = Asker.display("🚀".repeat(61));
        assertThat(shown).isEqualTo("🚀".repeat(59) + "…");
        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(60);
    }

    @Test
    void controlCharactersNeverReachTheDisplay() {
        assertThat(Asker.display("Acme\r\nBcc: victim@example.com")).isEqualTo("Acme  Bcc: victim@example.com");
        assertThat(Asker.display("nul\u0000byte\u0085\u007f")).isEqualTo("nul byte");
    }

    @Test
    void rightToLeftNamesStayButCannotReorderTheSentence() {
        assertThat(Asker.display("شركة المثال")).isEqualTo("شركة المثال");
        assertThat(Asker.display("Acme\u202Egnihtemos\u2066x\u2069")).isEqualTo("Acmegnihtemosx");
    }

    @Test
    void markupIsKeptAsTextForTheTemplateToEscape() {
        assertThat(Asker.display("<script>alert(1)</script>")).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void silenceWithADefaultNamesIt() {
        assertThat(Asker.silence(EXPIRES, "Reject"))
                .isEqualTo("If no one answers by 1 Dec 2026, 14:00 UTC, the agent will go ahead with ‘Reject’.");
    }

    @Test
    void silenceWithoutADefaultSaysTheAgentIsTold() {
        assertThat(Asker.silence(EXPIRES, null)).isEqualTo("If no one answers by 1 Dec 2026, 14:00 UTC, the request "
                + "expires and the agent is told that no one answered.");
    }
}
