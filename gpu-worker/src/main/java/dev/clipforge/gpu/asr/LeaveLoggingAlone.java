package dev.clipforge.gpu.asr;

/**
 * Sphinx4 replaces the JVM's root logging handlers with its own console output (and Spring Boot's bridge to
 * SLF4J with them) unless a logging configuration class is named. This names one that configures nothing,
 * so Sphinx's records keep flowing through the application's logging.
 */
public final class LeaveLoggingAlone {
    static final String PROPERTY = "java.util.logging.config.class";

    /** Public and no-argument, as java.util.logging requires of a configuration class. */
    public LeaveLoggingAlone() {
        // the application's logging system is already configured
    }

    static void apply() {
        if (System.getProperty(PROPERTY) == null && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty(PROPERTY, LeaveLoggingAlone.class.getName());
        }
    }
}
