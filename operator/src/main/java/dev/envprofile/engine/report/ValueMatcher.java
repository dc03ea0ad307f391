package dev.envprofile.engine.report;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds which of many strings occur in a text in one pass (Aho-Corasick): the redactor checks every
 * message against every credential value of the namespace, thousands of them in a large one.
 */
final class ValueMatcher {
  /** Children in parallel arrays searched linearly: most nodes have one child, and boxing chars is slow. */
  private static final class Node {
    char[] keys = new char[0];
    Node[] kids = new Node[0];
    Node fail;
    /** Direct lookup for ASCII children of wide nodes (the root has one child per first character). */
    Node[] table;

    Node child(char c) {
      if (table != null && c < 128) {
        return table[c];
      }
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == c) {
          return kids[i];
        }
      }
      return null;
    }

    Node add(char c) {
      Node n = child(c);
      if (n == null) {
        n = new Node();
        keys = java.util.Arrays.copyOf(keys, keys.length + 1);
        kids = java.util.Arrays.copyOf(kids, kids.length + 1);
        keys[keys.length - 1] = c;
        kids[kids.length - 1] = n;
      }
      return n;
    }

    /** Values that end at this node, this node's own and those reached through failure links. */
    List<String> out = List.of();
  }

  private final Node root = new Node();

  ValueMatcher(List<String> values) {
    for (String v : values) {
      Node n = root;
      for (int i = 0; i < v.length(); i++) {
        n = n.add(v.charAt(i));
      }
      n.out = List.of(v);
    }
    ArrayDeque<Node> queue = new ArrayDeque<>();
    index(root);
    root.fail = root;
    for (Node child : root.kids) {
      child.fail = root;
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      for (int k = 0; k < n.keys.length; k++) {
        char key = n.keys[k];
        Node child = n.kids[k];
        Node f = n.fail;
        while (f != root && f.child(key) == null) {
          f = f.fail;
        }
        Node target = f.child(key);
        child.fail = target != null && target != child ? target : root;
        if (!child.fail.out.isEmpty()) {
          List<String> merged = new java.util.ArrayList<>(child.out);
          merged.addAll(child.fail.out);
          child.out = merged;
        }
        queue.add(child);
        index(child);
      }
    }
  }

  private static void index(Node n) {
    if (n.keys.length <= 4) {
      return;
    }
    boolean ascii = true;
    for (char k : n.keys) {
      ascii &= k < 128;
    }
    if (ascii) {
      n.table = new Node[128];
      for (int i = 0; i < n.keys.length; i++) {
        n.table[n.keys[i]] = n.kids[i];
      }
    }
  }

  /** Receives each occurrence: the value and the index just after it. */
  interface Occurrence {
    void at(String value, int end);
  }

  /** Every occurrence of every value in the text, in one pass. */
  void each(String text, Occurrence sink) {
    Node n = root;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      Node next;
      while ((next = n.child(c)) == null && n != root) {
        n = n.fail;
      }
      n = next == null ? root : next;
      List<String> out = n.out;
      for (int k = 0, size = out.size(); k < size; k++) { // indexed: no iterator per character
        sink.at(out.get(k), i + 1);
      }
    }
  }

  /** The values that occur in the text. */
  Set<String> find(String text, java.util.Comparator<String> order) {
    Set<String> found = new TreeSet<>(order);
    each(text, (value, end) -> found.add(value));
    return found.isEmpty() ? Set.of() : found;
  }
}
