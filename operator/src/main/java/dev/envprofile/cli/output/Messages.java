package dev.envprofile.cli.output;

import dev.envprofile.engine.model.CheckResult;

/** Finding messages as reports that already show the object print them. */
final class Messages {
  private Messages() {}

  /**
   * The message without the object's name in front ("Deployment/api runs unpinned images" becomes
   * "runs unpinned images"): the table's OBJECT column and SARIF's location name it already. A name
   * followed by anything but a space and a word, or ": ", stays ("Deployment/api (api) ...").
   */
  static String withoutSubject(CheckResult r) {
    String m = r.message();
    for (String name : new String[] {r.object().path(), r.object().shortName()}) {
      if (m.startsWith(name + ": ")) {
        return m.substring(name.length() + 2);
      }
      if (m.startsWith(name + " ") && m.length() > name.length() + 1 && Character.isLowerCase(m.charAt(name.length() + 1))) {
        return m.substring(name.length() + 1);
      }
    }
    return m;
  }
}
