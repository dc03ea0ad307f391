package dev.envprofile.engine.checks;

/** Words that agree with a count in finding messages: "1 replica", "2 replicas", never "replica(s)". */
public final class Plural {
  private Plural() {}

  /** The noun for {@code n} things: {@code noun(1, "volume")} is "volume", {@code noun(2, "volume")} "volumes". */
  public static String noun(int n, String singular) {
    return n == 1 ? singular : singular + "s";
  }

  /** The count and the noun: "1 replica", "3 replicas". */
  public static String count(int n, String singular) {
    return n + " " + noun(n, singular);
  }

  /** The verb for {@code n} subjects: {@code verb(1, "holds", "hold")} is "holds". */
  public static String verb(int n, String singular, String plural) {
    return n == 1 ? singular : plural;
  }
}
