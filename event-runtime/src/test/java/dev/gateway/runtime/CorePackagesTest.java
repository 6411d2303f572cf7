package dev.gateway.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The runtime's core is plain Java on jnats: only the binding package may know Micronaut. */
class CorePackagesTest {

    @Test
    void shouldKeepMicronautOutOfTheCore() throws IOException {
        Path core = Path.of("src/main/java/dev/gateway/runtime");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(core)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(core.resolve("micronaut")))
                    .filter(p -> read(p).contains("import io.micronaut") || read(p).contains("import jakarta.inject"))
                    .map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
