package dev.clipforge.common.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs the server may fetch for a user (SSRF guard): http or https only, and every address a host
 * resolves to must be public: not loopback, private, link-local, unique-local, multicast, shared
 * (CGNAT), reserved or a cloud metadata address. An allow-list opens named hosts or CIDR ranges for
 * tests and trusted internal networks.
 */
public final class UrlPolicy {
    private final List<Cidr> allowedRanges = new ArrayList<>();
    private final List<String> allowedHosts = new ArrayList<>();

    public UrlPolicy(List<String> allowList) {
        for (String entry : allowList) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (Cidr.looksLike(e)) {
                allowedRanges.add(Cidr.parse(e));
            } else {
                allowedHosts.add(e.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** A URL the policy refused, with a reason a user can act on. */
    public static final class Refused extends Exception {
        private final String code;

        public Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Checks the URL's shape (scheme, host) without resolving it. */
    public URI checkShape(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new Refused("url_invalid", "'" + abbreviate(url) + "' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("url_scheme_not_allowed", "only http and https URLs can be fetched, not '"
                    + (scheme.isEmpty() ? "(none)" : scheme) + ":'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("url_invalid", "the URL has no host");
        }
        if (uri.getUserInfo() != null) {
            throw new Refused("url_invalid", "URLs with credentials (user:password@) are not fetched");
        }
        return uri;
    }

    /** Checks the URL and every address its host resolves to now. */
    public URI check(String url) throws Refused {
        URI uri = checkShape(url);
        checkHost(uri.getHost());
        return uri;
    }

    /** Resolves a host and returns its addresses if all are allowed. */
    public List<InetAddress> checkHost(String host) throws Refused {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(h);
        } catch (UnknownHostException e) {
            throw new Refused("url_unresolvable", "the host '" + h + "' does not resolve");
        }
        boolean hostAllowed = allowedHosts.contains(h.toLowerCase(Locale.ROOT));
        for (InetAddress a : addresses) {
            if (!hostAllowed) {
                Optional<String> why = blockedReason(a);
                if (why.isPresent()) {
                    throw new Refused("url_blocked", "the host '" + h + "' resolves to " + a.getHostAddress() + ", a "
                            + why.get() + " address, which the server does not fetch from");
                }
            }
        }
        return List.of(addresses);
    }

    /** Why an address may not be fetched from, or empty when it may. */
    public Optional<String> blockedReason(InetAddress address) {
        for (Cidr allowed : allowedRanges) {
            if (allowed.contains(address)) {
                return Optional.empty();
            }
        }
        InetAddress a = unmapped(address);
        if (isMetadata(a)) {
            return Optional.of("cloud metadata");
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("reserved (0.0.0.0/8)");
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return Optional.of("shared (100.64.0.0/10)");
            }
            if (first >= 240) {
                return Optional.of("reserved (240.0.0.0/4)");
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return Optional.of("reserved (192.0.0.0/24)");
            }
            if (first == 198 && (second & 0xfe) == 18) {
                return Optional.of("benchmarking (198.18.0.0/15)");
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("unique-local");
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return Optional.of("site-local");
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return Optional.of("documentation (2001:db8::/32)");
            }
        }
        return Optional.empty();
    }

    private static boolean isMetadata(InetAddress a) {
        String s = a.getHostAddress();
        return s.equals("169.254.169.254") || s.equals("169.254.170.2") || s.equals("100.100.100.200")
                || s.equals("192.0.0.192") || s.startsWith("fd00:ec2:0:0:0:0:0:254");
    }

    /** IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible IPv6 addresses are judged as the IPv4 address they carry. */
    static InetAddress unmapped(InetAddress a) {
        if (a instanceof Inet6Address) {
            byte[] b = a.getAddress();
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && ((b[12] | b[13]) != 0);
            if (mapped || compatible) {
                try {
                    return InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return a;
                }
            }
        }
        return a;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /** An address range such as 10.0.0.0/8 or fd00::/8. */
    record Cidr(byte[] network, int prefix) {
        static boolean looksLike(String s) {
            return s.contains("/") || s.contains(":") || s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        }

        static Cidr parse(String s) {
            String[] parts = s.split("/", 2);
            try {
                byte[] net = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
                return new Cidr(net, prefix);
            } catch (Exception e) {
                throw new IllegalArgumentException("not an address or CIDR range: " + s, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = unmapped(address).getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
