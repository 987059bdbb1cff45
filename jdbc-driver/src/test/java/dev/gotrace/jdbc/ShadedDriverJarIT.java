package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar is a complete JDBC driver: loaded alone into a fresh class loader (parent: the
 * platform loader, so nothing leaks in from the build's class path), it registers the driver and
 * answers queries that need Calcite's code generation, views and Arrow.
 */
class ShadedDriverJarIT {
  private static Path driverJar() {
    Path jar = Path.of(System.getProperty("gotrace.driverJar"));
    assertTrue(Files.isRegularFile(jar), "no shaded jar at " + jar);
    return jar;
  }

  @Test
  void manifestOpensJavaNioAndIsMultiRelease() throws Exception {
    try (JarFile jar = new JarFile(driverJar().toFile())) {
      assertEquals("java.base/java.nio", jar.getManifest().getMainAttributes().getValue("Add-Opens"));
      assertEquals("true", jar.getManifest().getMainAttributes().getValue("Multi-Release"));
      assertTrue(jar.getEntry("module-info.class") == null);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void jarAloneOpensAConnectionAndRunsQueries() throws Exception {
    URL[] path = {driverJar().toUri().toURL(), Path.of(System.getProperty("gotrace.testClasses")).toUri().toURL()};
    List<String> seen;
    try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
      Class<?> probe = loader.loadClass(ShadedJarProbe.class.getName());
      assertTrue(probe.getClassLoader() == loader);
      seen = ((Callable<List<String>>) probe.getConstructor().newInstance()).call();
    }
    // The same queries on the build's class path give the expected answers.
    List<String> expected;
    try (RootAllocator allocator = new RootAllocator(); Connection c = new Fixtures(allocator).connect()) {
      expected = Fixtures.rows(c, "SELECT kind, COUNT(*) FROM events WHERE goid < 10 GROUP BY kind ORDER BY kind");
      expected.addAll(Fixtures.rows(c, "SELECT COUNT(*) FROM busy_goroutines"));
    }
    assertTrue(seen.contains("driver dev.gotrace.jdbc.GoTraceDriver"), seen.toString());
    assertEquals(expected, seen.stream().filter(s -> !s.startsWith("driver ") && !s.startsWith("allocated")).toList());
    assertTrue(seen.contains("allocated after close 0"), seen.toString());
  }
}
