package dev.gateway.registry.auth;

import com.nimbusds.jose.jwk.JWKSet;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

@Controller("/.well-known")
@Secured(SecurityRule.IS_ANONYMOUS)
public class JwksController {

    private final SigningKey key;

    public JwksController(SigningKey key) {
        this.key = key;
    }

    @Get(value = "/jwks.json", produces = MediaType.APPLICATION_JSON)
    public String jwks() {
        return new JWKSet(key.jwk().toPublicJWK()).toString(true);
    }
}
