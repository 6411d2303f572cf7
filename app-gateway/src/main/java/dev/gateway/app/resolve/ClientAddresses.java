package dev.gateway.app.resolve;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's address: the socket's peer, unless that peer is a configured trusted proxy; then the
 * rightmost {@code X-Forwarded-For} entry that is not a trusted proxy itself (entries to its left were
 * written by the client and prove nothing). Addresses are parsed as literals only, never looked up.
 * Created at startup, so a bad proxy entry stops the start.
 */
@Context
public class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Network> trusted = new ArrayList<>();

    public ClientAddresses(@Value("${gateway.trusted-proxies:}") @Nullable List<String> trustedProxies) {
        for (String entry : trustedProxies == null ? List.<String>of() : trustedProxies) {
            if (!entry.isBlank()) {
                trusted.add(Network.parse(entry.trim()));
            }
        }
    }

    public String of(HttpRequest<?> request) {
        return of(request.getRemoteAddress().getAddress(), request.getHeaders().getAll(FORWARDED_FOR));
    }

    String of(InetAddress peer, List<String> forwardedFor) {
        byte[] hop = peer.getAddress();
        if (!isTrusted(hop)) {
            return text(hop);
        }
        List<String> entries = new ArrayList<>();
        forwardedFor.forEach(header -> entries.addAll(List.of(header.split(","))));
        for (int i = entries.size() - 1; i >= 0; i--) {
            byte[] entry = NetUtil.createByteArrayFromIpAddressString(entries.get(i).trim());
            if (entry == null) {
                return text(hop);
            }
            hop = entry;
            if (!isTrusted(hop)) {
                return text(hop);
            }
        }
        return text(hop);
    }

    private boolean isTrusted(byte[] address) {
        for (Network network : trusted) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address", e);
        }
    }

    /** An address or CIDR block of trusted proxies. */
    private record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] address = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? cidr : cidr.substring(0, slash));
            int bits;
            try {
                bits = address == null ? -1 : slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (address == null || bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("gateway.trusted-proxies (GATEWAY_TRUSTED_PROXIES) entries are IP "
                        + "addresses or CIDR blocks, was '" + cidr + "'");
            }
            return new Network(address, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit += 8) {
                int mask = bits - bit >= 8 ? 0xFF : (0xFF << (8 - (bits - bit))) & 0xFF;
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
