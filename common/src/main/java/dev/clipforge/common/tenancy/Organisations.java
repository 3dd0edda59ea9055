package dev.clipforge.common.tenancy;

/** Names shared by the API and the workers. */
public final class Organisations {
    /** Owns what existed before tenancy, the first admin key, and everything when auth is disabled. */
    public static final String DEFAULT = "org_default";
    public static final String ID_PREFIX = "org";

    private Organisations() {
    }
}
