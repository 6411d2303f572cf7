package dev.gateway.app.settings;

import dev.gateway.app.auth.TokenHolders;
import dev.gateway.app.resolve.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Parameter;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/me}: runs on the event loop. The tenant comes from the directory entry and the user from the token
 * holder just checked by the tenant filter (cached), so no database round trip.
 */
@Controller("/api/me")
public class MeController {

    private final TokenHolders holders;

    public MeController(TokenHolders holders) {
        this.holders = holders;
    }

    @Get
    public CompletableFuture<MeResponse> me(@Parameter(hidden = true) Caller caller) {
        if (caller.subject() == null) {
            return CompletableFuture.completedFuture(MeResponse.of(caller.tenant(), null));
        }
        // a token of ours was just checked against its (cached) user; an external IdP's subject is not one of ours
        return caller.userId().map(id -> holders.user(caller.tenant().key(), id))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()))
                .thenApply(user -> MeResponse.of(caller.tenant(), user.map(MeResponse.Me::of)
                        .orElseGet(() -> new MeResponse.Me(caller.subject(), null, null, caller.role()))));
    }
}
