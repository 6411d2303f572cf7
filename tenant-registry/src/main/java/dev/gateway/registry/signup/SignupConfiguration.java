package dev.gateway.registry.signup;

import dev.gateway.registry.mail.EmailAddresses;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param expireAfter    a signup nobody decided on is expired after this (GATEWAY_SIGNUP_EXPIRE_AFTER, 14 days)
 * @param operatorEmails who is mailed about signups awaiting approval (GATEWAY_OPERATOR_EMAILS)
 * @param reviewUrl      where operators decide, linked from that mail (the admin UI's signups page)
 * @param reservedKeys   workspace keys refused on top of the platform's own reserved names (GATEWAY_RESERVED_KEYS)
 */
@ConfigurationProperties("gateway.signups")
public record SignupConfiguration(Duration expireAfter, List<String> operatorEmails, String reviewUrl,
                                  List<String> reservedKeys) {

    public SignupConfiguration {
        operatorEmails = operatorEmails == null ? List.of()
                : operatorEmails.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        operatorEmails.stream().filter(address -> !EmailAddresses.isValid(address)).findFirst().ifPresent(bad -> {
            throw new IllegalArgumentException("GATEWAY_OPERATOR_EMAILS names '" + bad + "', which is not an email "
                    + "address: no mail about signups could ever reach it");
        });
        reservedKeys = reservedKeys == null ? List.of()
                : reservedKeys.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
