package se.lotsen.system.database;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Run in a JVM of its own by {@link EmbeddedPostgresServerIT} (with {@code --add-opens java.base/java.lang}): starts
 * and stops an {@link EmbeddedPostgresServer} and prints which JVM shutdown hooks it registered, as
 * {@code NEW_SHUTDOWN_HOOKS=<n> [names]}.
 */
final class ShutdownHookProbe {

    private ShutdownHookProbe() {
    }

    public static void main(String[] args) throws Exception {
        // The logging systems register hooks of their own when first used; start them before counting.
        java.util.logging.LogManager.getLogManager();
        org.slf4j.LoggerFactory.getLogger(ShutdownHookProbe.class).info("probing shutdown hooks");
        Class.forName("org.postgresql.Driver");
        List<Thread> before = hooks();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(Path.of(args[0]), false);
        List<Thread> added = new ArrayList<>(hooks());
        added.removeAll(before);
        server.close();
        System.out.println("NEW_SHUTDOWN_HOOKS=" + added.size() + " "
                + added.stream().map(Thread::getName).toList());
        System.out.flush();
    }

    @SuppressWarnings("unchecked")
    private static List<Thread> hooks() throws Exception {
        Field field = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
        field.setAccessible(true);
        synchronized (Class.forName("java.lang.ApplicationShutdownHooks")) {
            return new ArrayList<>(((Map<Thread, Thread>) field.get(null)).keySet());
        }
    }
}
