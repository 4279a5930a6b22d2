package nl.deurwaarder.avg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * CPU time of two groups of this JVM's own threads, read from Linux's {@code /proc/self/task/<tid>/stat} (user +
 * system time, in clock ticks of 10 ms): the JIT compiler threads, and the garbage collector's threads with the VM
 * thread. All other CPU is the process's total minus these (the benchmark's driving threads end with their pool, so
 * they cannot be read this way).
 * Why: a short benchmark run with the production JIT (C2) still compiles, and that compilation is a cost production
 * pays once after start-up, not per request; the split lets a run report the JVM's CPU without it. HotSpot starts and
 * ends compiler threads as the work comes and goes, and the time of an ended thread is gone from {@code /proc}: so a
 * daemon thread reads the groups' threads every quarter second and keeps each thread's last value, and a group's time
 * is the sum over every thread seen (an ending compiler thread has been idle for a while, so little is lost). Empty
 * where {@code /proc} is not there.
 */
final class Draadgroepen {

  static final String JIT = "jit";
  static final String GC = "gc";

  private static final long MS_PER_TIK = 10;
  private static final Path TAKEN = Path.of("/proc/self/task");
  /** Per thread id: group and the last CPU time read, in ms. */
  private static final Map<String, Map.Entry<String, Long>> GEZIEN = new ConcurrentHashMap<>();
  private static volatile boolean bijgehouden;

  private Draadgroepen() {
  }

  /** The groups' CPU time in ms since the JVM started; empty without /proc. */
  static synchronized Map<String, Long> cpuMs() {
    Map<String, Long> groepen = new LinkedHashMap<>();
    if (!Files.isDirectory(TAKEN)) {
      return groepen;
    }
    if (!bijgehouden) {
      Thread lezer = new Thread(() -> {
        while (true) {
          lees();
          try {
            Thread.sleep(250);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "draadgroepen-lezer");
      lezer.setDaemon(true);
      lezer.start();
      bijgehouden = true;
    }
    lees();
    groepen.put(JIT, 0L);
    groepen.put(GC, 0L);
    GEZIEN.values().forEach(g -> groepen.merge(g.getKey(), g.getValue(), Long::sum));
    return groepen;
  }

  private static void lees() {
    try (Stream<Path> draden = Files.list(TAKEN)) {
      draden.forEach(draad -> {
        String stat;
        try {
          stat = Files.readString(draad.resolve("stat"));
        } catch (IOException e) {
          return; // the thread ended while we listed
        }
        int sluit = stat.lastIndexOf(')');
        String groep = groep(stat.substring(stat.indexOf('(') + 1, sluit));
        if (groep != null) {
          // after the name: state (field 3) … utime (field 14), stime (field 15)
          String[] velden = stat.substring(sluit + 2).split(" ");
          long ms = (Long.parseLong(velden[11]) + Long.parseLong(velden[12])) * MS_PER_TIK;
          GEZIEN.put(draad.getFileName().toString(), Map.entry(groep, ms));
        }
      });
    } catch (IOException e) {
      // /proc unreadable for a moment: the next reading catches up
    }
  }

  /**
   * HotSpot's thread names (cut to 15 characters by Linux): "C1 CompilerThre", "C2 CompilerThre"; G1's "GC Thread#0",
   * "G1 Conc#0", "G1 Refine#0" …; the "VM Thread" runs the safepoint operations, a serial collector's work among them.
   */
  static String groep(String naam) {
    if (naam.startsWith("C1 Compiler") || naam.startsWith("C2 Compiler")) {
      return JIT;
    }
    if (naam.startsWith("GC Thread") || naam.startsWith("G1 ") || naam.equals("VM Thread")) {
      return GC;
    }
    return null;
  }
}
