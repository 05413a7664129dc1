package se.lotsen.common;

/**
 * A requested page, clamped to sane bounds so that no request can ask for a negative page or a huge one.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 100;

    public static Paging of(Integer page, Integer size) {
        int p = page == null || page < 0 ? 0 : Math.min(page, 100_000);
        int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        return new Paging(p, s);
    }

    public int offset() {
        return page * size;
    }
}
