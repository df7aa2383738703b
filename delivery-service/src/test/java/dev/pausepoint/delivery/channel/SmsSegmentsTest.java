package dev.pausepoint.delivery.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Segments as carriers count them, at each boundary of both encodings. */
class SmsSegmentsTest {

    private static final String EMOJI = "\uD83D\uDE80";

    @Test
    void gsm7Holds160InOneSegmentAnd153PerSegmentOnceSplit() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
        assertThat(SmsSegments.count("a".repeat(612))).isEqualTo(4);
        assertThat(SmsSegments.count("a".repeat(613))).isEqualTo(5);
    }

    @Test
    void extensionCharactersCountTwoAndAreNeverSplitFromTheirEscape() {
        assertThat(SmsSegments.count("\u20ac".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("\u20ac".repeat(81))).isEqualTo(2);
        assertThat(SmsSegments.count("{}[]~|^\\\f\u20ac")).isEqualTo(1);
        // 306 septets would be two segments of 153, but the euro sign cannot straddle them.
        assertThat(SmsSegments.count("a".repeat(152) + "\u20ac" + "a".repeat(152))).isEqualTo(3);
        assertThat(SmsSegments.count("a".repeat(151) + "\u20ac" + "a".repeat(153))).isEqualTo(2);
    }

    @Test
    void theWholeGsm7AlphabetIsGsm7AndNothingElseIs() {
        String basic = "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5\u0394_\u03a6\u0393\u039b"
                + "\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u00c6\u00e6\u00df\u00c9 !\"#\u00a4%&'()*+,-./0123456789:;<=>?\u00a1"
                + "ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7\u00bfabcdefghijklmnopqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0";
        assertThat(basic).hasSize(127);
        assertThat(SmsSegments.gsm7(basic + "\f^{}\\[~]|\u20ac")).isTrue();
        for (String other : new String[] {"\u00e7", "`", "\u00e1", "\u2026", "\u2014", "\u00ea", "\u0436", EMOJI, "\t"}) {
            assertThat(SmsSegments.gsm7("a" + other)).as(other).isFalse();
        }
    }

    @Test
    void oneCharacterOutsideGsm7SwitchesTheWholeMessageToUcs2() {
        assertThat(SmsSegments.count("a".repeat(159) + "b")).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(159) + "\u00e7")).isEqualTo(3);
        assertThat(SmsSegments.count("a".repeat(69) + "\u00e7")).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(70) + "\u00e7")).isEqualTo(2);
    }

    @Test
    void ucs2Holds70CodeUnitsInOneSegmentAnd67PerSegmentOnceSplit() {
        assertThat(SmsSegments.count("\u0436".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("\u0436".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("\u0436".repeat(134))).isEqualTo(2);
        assertThat(SmsSegments.count("\u0436".repeat(135))).isEqualTo(3);
    }

    @Test
    void anEmojiIsTwoCodeUnitsAndNeverSplitAcrossSegments() {
        assertThat(SmsSegments.count(EMOJI.repeat(35))).isEqualTo(1);
        assertThat(SmsSegments.count(EMOJI.repeat(36))).isEqualTo(2);
        // 134 code units would be two segments of 67, but the emoji cannot straddle them.
        assertThat(SmsSegments.count("\u0436".repeat(66) + EMOJI + "\u0436".repeat(66))).isEqualTo(3);
        assertThat(SmsSegments.count("\u0436".repeat(65) + EMOJI + "\u0436".repeat(67))).isEqualTo(2);
    }
}
