package nl.deurwaarder.avg.uitvoering;

/** Art. 19 tracking: every recipient is informed exactly once. */
public enum Ontvangerstatus {
  TE_INFORMEREN,
  GEINFORMEERD
}
