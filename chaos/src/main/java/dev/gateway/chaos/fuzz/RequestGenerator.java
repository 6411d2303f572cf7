package dev.gateway.chaos.fuzz;

import dev.gateway.chaos.platform.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns a seed into requests: request {@code i} depends only on the seed, {@code i} and the fixture, so a run is
 * repeated by its seed and one offending request can be made again alone. Requests go to the public ports in
 * turn; the first rounds send every known route of each port once with its own method, the rest follow a random
 * route (its own method, or now and then another) or go to paths nobody serves.
 */
public final class RequestGenerator {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
            "PROPFIND", "FOO", "get");
    private static final List<Service> PORTS = List.of(Service.values());

    private final PathMaker paths;
    private final HeaderMaker headers;
    private final BodyMaker bodies;

    public RequestGenerator(FuzzFixture fixture) {
        this.paths = new PathMaker(fixture);
        this.headers = new HeaderMaker(fixture);
        this.bodies = new BodyMaker(new FieldValues(fixture));
    }

    public List<FuzzRequest> generate(long seed, int count) {
        List<FuzzRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(request(seed, i));
        }
        return requests;
    }

    public FuzzRequest request(long seed, int index) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + index);
        Service service = PORTS.get(index % PORTS.size());
        List<Endpoint> known = ApiCatalog.of(service);
        int round = index / PORTS.size();
        if (round < known.size()) {
            Endpoint endpoint = known.get(round);
            return request(index, service, endpoint, endpoint.method(), paths.plainTarget(endpoint, endpoint.method(), r),
                    r);
        }
        Endpoint endpoint = Garbage.chance(r, 0.85) ? Garbage.pick(r, known)
                : Garbage.pick(r, ApiCatalog.of(Garbage.pick(r, PORTS)));
        String method = Garbage.chance(r, 0.7) ? endpoint.method() : Garbage.pick(r, METHODS);
        String target = Garbage.chance(r, 0.1) ? paths.strayTarget(r) : paths.target(endpoint, method, r);
        return request(index, service, endpoint, method, target, r);
    }

    private FuzzRequest request(int index, Service service, Endpoint endpoint, String method, String target, Random r) {
        BodyMaker.Body body = bodies.make(endpoint.body(), r);
        return new FuzzRequest(index, service, method, target, headers.make(service, method, body, r), body.bytes());
    }
}
