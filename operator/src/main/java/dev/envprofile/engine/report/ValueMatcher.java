package dev.envprofile.engine.report;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds which of many strings occur in a text in one pass (Aho-Corasick): the redactor checks every
 * message against every credential value of the namespace, thousands of them in a large one.
 */
final class ValueMatcher {
  private static final class Node {
    final Map<Character, Node> next = new HashMap<>(4);
    Node fail;
    /** Values that end at this node, this node's own and those reached through failure links. */
    List<String> out = List.of();
  }

  private final Node root = new Node();

  ValueMatcher(List<String> values) {
    for (String v : values) {
      Node n = root;
      for (int i = 0; i < v.length(); i++) {
        n = n.next.computeIfAbsent(v.charAt(i), c -> new Node());
      }
      n.out = List.of(v);
    }
    ArrayDeque<Node> queue = new ArrayDeque<>();
    root.fail = root;
    for (Node child : root.next.values()) {
      child.fail = root;
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      for (Map.Entry<Character, Node> e : n.next.entrySet()) {
        Node child = e.getValue();
        Node f = n.fail;
        while (f != root && !f.next.containsKey(e.getKey())) {
          f = f.fail;
        }
        Node target = f.next.get(e.getKey());
        child.fail = target != null && target != child ? target : root;
        if (!child.fail.out.isEmpty()) {
          List<String> merged = new java.util.ArrayList<>(child.out);
          merged.addAll(child.fail.out);
          child.out = merged;
        }
        queue.add(child);
      }
    }
  }

  /** The values that occur in the text. */
  Set<String> find(String text, java.util.Comparator<String> order) {
    Set<String> found = new TreeSet<>(order);
    Node n = root;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      while (n != root && !n.next.containsKey(c)) {
        n = n.fail;
      }
      n = n.next.getOrDefault(c, root);
      if (!n.out.isEmpty()) {
        found.addAll(n.out);
      }
    }
    return found;
  }
}
