package se.lotsen.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param items the items on this page
 * @param page  the zero-based page number
 * @param size  the page size
 * @param total   the number of items on all pages; with {@code atLeast}, a lower bound
 * @param atLeast there are more than {@code total} items: a list that counts its matches only up to a limit (the case
 *                list, where counting all of a large unit's cases cost seconds) says "more than" instead
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean atLeast) {

    public PageResult {
        items = List.copyOf(items);
    }

    public PageResult(List<T> items, int page, int size, long total) {
        this(items, page, size, total, false);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages() || (atLeast && items.size() == size);
    }

    /** One-based number of the first item shown, 0 when empty. */
    public long firstItem() {
        return items.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long lastItem() {
        return items.isEmpty() ? 0 : (long) page * size + items.size();
    }

    /** A page after the last one (an old link, a typed address): nothing on it although the list has items. */
    public boolean pastTheEnd() {
        return items.isEmpty() && total > 0 && page > 0;
    }

    /** The zero-based number of the last page with items (of those counted, when {@code atLeast}). */
    public int lastPage() {
        return Math.max(totalPages() - 1, 0);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total, atLeast);
    }
}
