package dev.gateway.app.auth;

import com.nimbusds.jose.jwk.JWKSet;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** Public key(s) of the tenant token issuer, for other verifiers. */
@Controller("/.well-known/jwks.json")
public class JwksController {

    private final String jwks;

    public JwksController(SigningKey key) {
        this.jwks = new JWKSet(key.jwk().toPublicJWK()).toString();
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    public String keys() {
        return jwks;
    }
}
