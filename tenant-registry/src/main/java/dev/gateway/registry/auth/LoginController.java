package dev.gateway.registry.auth;

import dev.gateway.registry.http.Throttle;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

@Controller("/api/gateway/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
public class LoginController {

    private final LoginService login;
    private final Throttle throttle;

    public LoginController(LoginService login, Throttle throttle) {
        this.login = login;
        this.throttle = throttle;
    }

    @Post("/login")
    public TokenResponse login(@Body LoginRequest request, HttpRequest<?> http) {
        return login.login(request.username(), request.password(), throttle.clientAddress(http));
    }

    @Post("/service-token")
    public TokenResponse serviceToken(@Body ServiceTokenRequest request, HttpRequest<?> http) {
        return login.serviceToken(request.clientId(), request.clientSecret(), throttle.clientAddress(http));
    }
}
