package dev.gateway.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The commit the services were built from, marked when the work tree has changes, for the report. */
final class CodeVersion {

    private CodeVersion() {
    }

    static String of(Path root) {
        String commit = git(root, "log", "-1", "--format=%h %s");
        String changes = git(root, "status", "--porcelain", "--untracked-files=no");
        String branch = git(root, "rev-parse", "--abbrev-ref", "HEAD");
        if (commit.isEmpty()) {
            return "unknown (not a git work tree)";
        }
        String subject = commit.length() > 90 ? commit.substring(0, 90) + "…" : commit;
        return "`" + branch + "` " + subject + (changes.isEmpty() ? "" : " (plus uncommitted changes)");
    }

    private static String git(Path root, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
