package nl.deurwaarder.avg.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Timing proxies for the lifecycle benchmark ({@link LevensloopBenchmark}), registered ONLY in its child JVM (as an
 * extra primary source of the Spring application; no {@code @Component}, so no other context scans it). Wraps the
 * beans a request lifecycle calls into, per category, and sums their <em>exclusive</em> time per category: a call
 * nested in a call of another measured bean (a letter that writes the archive, a register that sends no mail…) counts
 * for the inner bean only. What no measured bean accounts for is the engine (plus the driver's engine calls).
 *
 * <p>Runs after every other post-processor: a bean that is already a Spring AOP proxy (e.g. {@code @Transactional})
 * gets the timing advice as its outermost advice, so its transaction (begin/commit) counts for its category.
 */
public class Meetpunten implements BeanPostProcessor, Ordered {

  /** What the extra time of the application is spent on. */
  public enum Soort {
    /** Register writes and reads: request register with history, letter and mail registers, archive, counters. */
    REGISTERS,
    /** Letters: templates, PDF rendering (also the checklist PDF). */
    BRIEVEN,
    /** SMTP: the JavaMailSender (connect, dialogue, transfer to the mail server). */
    MAIL,
    /** Other application code the process calls: delegates, listeners, input checks, deadline computations. */
    APP
  }

  /** Measured beans by class simple name (application beans; the mail sender is recognised by its interface). */
  private static final Map<String, Soort> BONEN = Map.ofEntries(
      Map.entry("VerzoekRegister", Soort.REGISTERS),
      Map.entry("VerzoekregisterInProces", Soort.REGISTERS),
      Map.entry("Referentienummers", Soort.REGISTERS),
      Map.entry("Verzendregister", Soort.REGISTERS),
      Map.entry("Archief", Soort.REGISTERS),
      Map.entry("Procesmail", Soort.REGISTERS),
      Map.entry("Afwijkingenregister", Soort.REGISTERS),
      Map.entry("Uitvoeringsregister", Soort.REGISTERS),
      Map.entry("Verwerkingsregister", Soort.REGISTERS),
      Map.entry("VerwerkingsregisterOpslag", Soort.REGISTERS),
      Map.entry("Brieven", Soort.BRIEVEN),
      Map.entry("PdfOpmaak", Soort.BRIEVEN),
      Map.entry("Briefteksten", Soort.BRIEVEN),
      Map.entry("VerzoekBriefdossiers", Soort.BRIEVEN),
      Map.entry("GegevensChecklist", Soort.BRIEVEN),
      Map.entry("BriefVerzenden", Soort.APP),
      Map.entry("VerzoekMelding", Soort.APP),
      Map.entry("Invoercontrole", Soort.APP),
      Map.entry("Medewerkers", Soort.APP),
      Map.entry("InzageReactie", Soort.APP),
      Map.entry("Artikel15Informatie", Soort.APP),
      Map.entry("IdentiteitsverificatieInProces", Soort.APP),
      Map.entry("FgAdviesInProces", Soort.APP),
      Map.entry("Termijnverlenging", Soort.APP),
      Map.entry("Termijnberekening", Soort.APP),
      Map.entry("VerzoekTermijnen", Soort.APP),
      Map.entry("VerzoekValidatie", Soort.APP),
      // the delivery step (issue 14): answer package and encrypted PDF, its register, the SMS outbox
      Map.entry("Antwoordpakket", Soort.BRIEVEN),
      Map.entry("PdfVersleuteling", Soort.BRIEVEN),
      Map.entry("Leveringen", Soort.REGISTERS),
      Map.entry("SmsOutbox", Soort.MAIL),
      Map.entry("PakketKlaarzetten", Soort.APP),
      Map.entry("ReactieVerzenden", Soort.APP),
      Map.entry("BriefPerPost", Soort.APP));

  private final Map<Soort, LongAdder> nanos = new EnumMap<>(Soort.class);
  private final Map<Soort, LongAdder> cpuNanos = new EnumMap<>(Soort.class);
  private final Map<Soort, LongAdder> aanroepen = new EnumMap<>(Soort.class);
  private final java.lang.management.ThreadMXBean draden = java.lang.management.ManagementFactory.getThreadMXBean();
  /** Per thread the open measured calls; each frame holds the time of the measured calls nested in it. */
  private final ThreadLocal<Deque<long[]>> stapel = ThreadLocal.withInitial(ArrayDeque::new);
  private final Map<String, Soort> gemeten = new java.util.concurrent.ConcurrentHashMap<>();

  public Meetpunten() {
    for (Soort s : Soort.values()) {
      nanos.put(s, new LongAdder());
      cpuNanos.put(s, new LongAdder());
      aanroepen.put(s, new LongAdder());
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    Soort soort = soort(bean);
    if (soort == null) {
      return bean;
    }
    MethodInterceptor meter = mi -> meet(soort, mi);
    gemeten.put(beanName, soort);
    if (bean instanceof Advised advised && !advised.isFrozen()) {
      advised.addAdvice(0, meter);
      return bean;
    }
    ProxyFactory proxy = new ProxyFactory(bean);
    proxy.setProxyTargetClass(true);
    proxy.addAdvice(meter);
    return proxy.getProxy(bean.getClass().getClassLoader());
  }

  private static Soort soort(Object bean) {
    if (bean instanceof JavaMailSender) {
      return Soort.MAIL;
    }
    Class<?> klasse = org.springframework.util.ClassUtils.getUserClass(bean);
    if (bean instanceof Advised advised && advised.getTargetSource().getTargetClass() != null) {
      klasse = advised.getTargetSource().getTargetClass();
    }
    if (!klasse.getName().startsWith("nl.deurwaarder.avg.")) {
      return null;
    }
    return BONEN.get(klasse.getSimpleName());
  }

  private Object meet(Soort soort, org.aopalliance.intercept.MethodInvocation mi) throws Throwable {
    Deque<long[]> open = stapel.get();
    long[] frame = {0, 0}; // wall and CPU time of the measured calls nested in this one
    open.push(frame);
    long begin = System.nanoTime();
    long cpuBegin = draden.getCurrentThreadCpuTime();
    try {
      return mi.proceed();
    } finally {
      long duur = System.nanoTime() - begin;
      long cpu = draden.getCurrentThreadCpuTime() - cpuBegin;
      open.pop();
      nanos.get(soort).add(duur - frame[0]);
      cpuNanos.get(soort).add(cpu - frame[1]);
      aanroepen.get(soort).increment();
      long[] ouder = open.peek();
      if (ouder != null) {
        ouder[0] += duur;
        ouder[1] += cpu;
      }
    }
  }

  /** Starts a new measuring window (after the warm-up). */
  public void nulstellen() {
    nanos.values().forEach(LongAdder::reset);
    cpuNanos.values().forEach(LongAdder::reset);
    aanroepen.values().forEach(LongAdder::reset);
  }

  /** Exclusive time per category since {@link #nulstellen()}, in milliseconds, summed over all threads. */
  public Map<Soort, Double> milliseconden() {
    Map<Soort, Double> m = new EnumMap<>(Soort.class);
    nanos.forEach((s, n) -> m.put(s, n.sum() / 1e6));
    return m;
  }

  /** Exclusive CPU time (of the calling threads) per category since {@link #nulstellen()}, in milliseconds. */
  public Map<Soort, Double> cpuMilliseconden() {
    Map<Soort, Double> m = new EnumMap<>(Soort.class);
    cpuNanos.forEach((s, n) -> m.put(s, n.sum() / 1e6));
    return m;
  }

  public Map<Soort, Long> aanroepen() {
    Map<Soort, Long> m = new EnumMap<>(Soort.class);
    aanroepen.forEach((s, n) -> m.put(s, n.sum()));
    return m;
  }

  /** Which beans are measured, for the report (so a renamed bean that silently drops out is noticed). */
  public Map<String, Soort> gemetenBonen() {
    return Map.copyOf(gemeten);
  }
}
