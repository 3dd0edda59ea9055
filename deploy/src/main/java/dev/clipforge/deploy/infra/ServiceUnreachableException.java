package dev.clipforge.deploy.infra;

/**
 * An external service named by a setting could not be reached at start. Reported as one paragraph
 * (service, address, setting) by {@link ServiceUnreachableFailureAnalyzer}, never as a stack trace.
 */
public final class ServiceUnreachableException extends RuntimeException {
    private final String service;
    private final String address;
    private final String setting;

    public ServiceUnreachableException(String service, String address, String setting, Throwable cause) {
        super(service + " at " + address + " is unreachable: " + rootMessage(cause), cause);
        this.service = service;
        this.address = address;
        this.setting = setting;
    }

    public String service() {
        return service;
    }

    public String address() {
        return address;
    }

    public String setting() {
        return setting;
    }

    public String reason() {
        return rootMessage(getCause());
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == null) {
            return "no reason given";
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
