package dev.pausepoint.dashboard.web;

/**
 * A page number from the address, read leniently: anything that is not a number from 1 to
 * {@value #LAST} is page 1, so a hand-edited address shows a list rather than an error.
 */
public record Paging(int page, int size) {

    static final int LAST = 100_000;

    public static Paging of(String page, int size) {
        int number = 1;
        if (page != null && page.matches("[0-9]{1,6}")) {
            number = Math.max(1, Math.min(LAST, Integer.parseInt(page)));
        }
        return new Paging(number, size);
    }

    public int offset() {
        return (page - 1) * size;
    }
}
