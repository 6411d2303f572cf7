package dev.gateway.registry.mail;

import java.util.regex.Pattern;

/**
 * What the registry accepts as an email address: one mailbox, no display name, no control characters, at most 254
 * characters.
 */
public final class EmailAddresses {

    private static final Pattern ADDRESS =
            Pattern.compile("^[^@\\s\\p{Cntrl}<>\"(),;:]{1,64}@[^@\\s\\p{Cntrl}<>\"(),;:]+\\.[^@\\s\\p{Cntrl}<>\"(),;:]{2,}$");

    private EmailAddresses() {
    }

    public static boolean isValid(String address) {
        return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
    }
}
