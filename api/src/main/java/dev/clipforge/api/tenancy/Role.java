package dev.clipforge.api.tenancy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/**
 * What an API key may do. Every role works with its own organisation's media; an owner also manages the
 * organisation's keys, webhooks and audit log; an admin (the operator) also creates organisations and their keys.
 */
public enum Role {
    @JsonProperty("admin") ADMIN,
    @JsonProperty("owner") OWNER,
    @JsonProperty("member") MEMBER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String wire) {
        for (Role r : values()) {
            if (r.wire().equals(wire)) {
                return r;
            }
        }
        return null;
    }

    public boolean managesOrganisation() {
        return this == ADMIN || this == OWNER;
    }
}
