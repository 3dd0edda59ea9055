package dev.clipforge.common.store;

/** What the store knows of one object without reading it. */
public record ObjectInfo(String key, long size, String contentType, String etag) {
}
