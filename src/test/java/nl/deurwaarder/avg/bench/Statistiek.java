package nl.deurwaarder.avg.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Order statistics for the benchmarks: median, percentiles and spread of repeated measurements. Benchmarks print
 * these; they never assert on them.
 */
public final class Statistiek {

  private final List<Double> gesorteerd;

  private Statistiek(List<Double> waarden) {
    if (waarden.isEmpty()) {
      throw new IllegalArgumentException("no measurements");
    }
    this.gesorteerd = new ArrayList<>(waarden);
    this.gesorteerd.sort(Double::compare);
  }

  public static Statistiek van(List<? extends Number> waarden) {
    return new Statistiek(waarden.stream().map(Number::doubleValue).toList());
  }

  public int aantal() {
    return gesorteerd.size();
  }

  public double mediaan() {
    int n = gesorteerd.size();
    return n % 2 == 1 ? gesorteerd.get(n / 2) : (gesorteerd.get(n / 2 - 1) + gesorteerd.get(n / 2)) / 2;
  }

  /** Percentile by the nearest-rank method, {@code p} in (0, 100]. */
  public double percentiel(double p) {
    int rang = (int) Math.ceil(p / 100.0 * gesorteerd.size());
    return gesorteerd.get(Math.max(0, Math.min(gesorteerd.size() - 1, rang - 1)));
  }

  public double min() {
    return gesorteerd.get(0);
  }

  public double max() {
    return gesorteerd.get(gesorteerd.size() - 1);
  }

  /** "median (min–max), n=…" with the given number format, e.g. {@code "%.1f"}. */
  public String samenvatting(String formaat) {
    return String.format(Locale.ROOT, formaat + " (" + formaat + "–" + formaat + "), n=%d", mediaan(), min(), max(),
        aantal());
  }
}
