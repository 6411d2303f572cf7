package dev.gateway.registry.auth;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

@Controller("/api/gateway/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
public class LoginController {

    private final LoginService login;

    public LoginController(LoginService login) {
        this.login = login;
    }

    @Post("/login")
    public TokenResponse login(@Body LoginRequest request) {
        return login.login(request.username(), request.password());
    }

    @Post("/service-token")
    public TokenResponse serviceToken(@Body ServiceTokenRequest request) {
        return login.serviceToken(request.clientId(), request.clientSecret());
    }
}
