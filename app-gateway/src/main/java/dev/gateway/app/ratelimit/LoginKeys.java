package dev.gateway.app.ratelimit;

import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The login throttle's Redis keys: {@code login:address:<address or /64>}, {@code login:account:<tenant>:<hash>}. */
final class LoginKeys {

    private LoginKeys() {
    }

    /** IPv4 addresses count one by one; IPv6 by /64, the block one subscriber usually gets. */
    static String address(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null || bytes.length == 4) {
            return "login:address:" + address;
        }
        for (int i = 8; i < bytes.length; i++) {
            bytes[i] = 0;
        }
        try {
            return "login:address:" + InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return "login:address:" + address;
        }
    }

    /** The email as any case and spacing of it, hashed to a fixed length whatever the client sent. */
    static String account(String tenant, String email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "login:account:" + tenant + ":" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
