package dev.gateway.chaos.fuzz;

import dev.gateway.chaos.platform.Service;

/**
 * A known route of one service's public port: its method, path template ({@code {key}}, {@code {id}},
 * {@code {projectId}}, {@code {runId}}), the body it reads and whether it is a paged list.
 */
record Endpoint(Service service, String method, String template, Shape body, boolean paged) {
}
