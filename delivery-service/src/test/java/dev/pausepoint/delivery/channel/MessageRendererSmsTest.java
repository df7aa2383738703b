package dev.pausepoint.delivery.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The SMS text within its segment cap: the longest start of the message that fits, at the exact
 * boundary of each encoding, and the link always whole. In GSM-7 the prefix {@code [PausePoint] } is
 * 15 septets (the brackets are extension characters), in UCS-2 13 code units; the link line
 * ({@code \n\nRespond here: } and this 67-character URL) is 83 of either.
 */
class MessageRendererSmsTest {

    private static final String URL = "https://pp.example/respond/" + "t".repeat(40);
    private static final String SUFFIX = "\n\nRespond here: " + URL;
    private static final String EMOJI = "\uD83D\uDE80";

    @Test
    void aMessageThatFitsIsSentWhole() {
        String fits = "x".repeat(612 - 15 - 83);

        assertThat(MessageRenderer.sms("Deploy v2.3?", URL, 1)).isEqualTo("[PausePoint] Deploy v2.3?" + SUFFIX);
        assertThat(MessageRenderer.sms(fits, URL, 4)).isEqualTo("[PausePoint] " + fits + SUFFIX).hasSize(610);
        assertThat(MessageRenderer.sms(fits + "x", URL, 4))
                .isEqualTo("[PausePoint] " + "x".repeat(fits.length() - 3) + "..." + SUFFIX);
    }

    @Test
    void aGsm7MessageIsCutToTheLastSeptetAndEndsWithThreeDots() {
        String sms = MessageRenderer.sms("x".repeat(2000), URL, 4);

        // 4 x 153 septets = 612: the prefix (15), 511 x, "..." (3) and the link line (83).
        assertThat(sms).isEqualTo("[PausePoint] " + "x".repeat(511) + "..." + SUFFIX).hasSize(610);
        assertThat(SmsSegments.count(sms)).isEqualTo(4);
    }

    @Test
    void extensionCharactersCountTwoAndDoNotStraddleSegmentsWhenCutting() {
        // Segment 1: the prefix and 69 braces (153 septets); 2 and 3: 76 braces each (152, a 77th would
        // straddle); 4: 33 braces, "..." and the link line (152). Counted as a plain total it would be 255.
        assertThat(MessageRenderer.sms("{".repeat(400), URL, 4))
                .isEqualTo("[PausePoint] " + "{".repeat(254) + "..." + SUFFIX);
    }

    @Test
    void aUcs2MessageIsCutToTheLastCodeUnitAndEndsWithAnEllipsis() {
        String sms = MessageRenderer.sms("\u0436".repeat(2000), URL, 4);

        // 4 x 67 code units = 268: the prefix (13), 171 letters, the ellipsis (1) and the link line (83).
        assertThat(sms).isEqualTo("[PausePoint] " + "\u0436".repeat(171) + "\u2026" + SUFFIX).hasSize(268);
        assertThat(SmsSegments.count(sms)).isEqualTo(4);
    }

    @Test
    void oneCharacterOutsideGsm7MakesTheWholeMessageUcs2() {
        assertThat(MessageRenderer.sms("\u00e7" + "x".repeat(2000), URL, 4))
                .isEqualTo("[PausePoint] \u00e7" + "x".repeat(170) + "\u2026" + SUFFIX);
        // Cut before the only such character, the message is GSM-7 again and holds far more.
        assertThat(MessageRenderer.sms("x".repeat(600) + "\u00e7", URL, 4))
                .isEqualTo("[PausePoint] " + "x".repeat(511) + "..." + SUFFIX);
    }

    @Test
    void anEmojiIsNeverCutInHalf() {
        // Segment 1: the prefix, "ж" and 26 emoji (66, a 27th would straddle); 2: 33 emoji (66); 3: 25 emoji,
        // the ellipsis and 16 units of the link line; 4: the other 67. A plain total would allow 85.
        String sms = MessageRenderer.sms("\u0436" + EMOJI.repeat(200), URL, 4);

        assertThat(sms).isEqualTo("[PausePoint] \u0436" + EMOJI.repeat(84) + "\u2026" + SUFFIX);
        // Not one emoji fits one segment beside the link; without them the SMS is GSM-7 again.
        assertThat(MessageRenderer.sms(EMOJI.repeat(200), URL, 1)).isEqualTo("[PausePoint] ..." + SUFFIX);
    }

    @Test
    void theLinkIsNeverCutEvenWhenItAloneExceedsTheCap() {
        String longUrl = "https://pp.example/respond/" + "t".repeat(200);

        assertThat(MessageRenderer.sms("Deploy?", longUrl, 1)).isEqualTo("[PausePoint] ...\n\nRespond here: " + longUrl);
    }

    @Test
    void theWholeBodyStaysWithin1600CharactersUnderAnyCap() {
        String sms = MessageRenderer.sms("x".repeat(2000), URL, 20);

        assertThat(sms).hasSize(1600).endsWith("x..." + SUFFIX);
        assertThat(SmsSegments.count(sms)).isEqualTo(11);
    }
}
