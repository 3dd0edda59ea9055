package dev.clipforge.api.page;

import java.util.List;

/** A collection response: {@code {"items", "count", "pagination": {"limit", "offset", "total"}}}. */
public record Page<T>(List<T> items, int count, Pagination pagination) {
    public record Pagination(int limit, long offset, long total) {
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, items.size(), new Pagination(request.limit(), request.offset(), total));
    }
}
