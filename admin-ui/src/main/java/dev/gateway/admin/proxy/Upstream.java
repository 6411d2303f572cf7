package dev.gateway.admin.proxy;

import java.net.URI;

/** A service the admin API is proxied to, with the base URL requests are rewritten against. */
public record Upstream(String name, URI url) {
}
