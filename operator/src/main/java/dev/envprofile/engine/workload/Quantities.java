package dev.envprofile.engine.workload;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Kubernetes' canonical form of a resource quantity, as the API server stores it, so that what the
 * engine writes is what a GitOps tool reads back ("1024Mi" is stored as "1Gi"). The rules of
 * apimachinery's {@code Quantity.CanonicalizeBytes}: no precision lost, no fractional digits, the
 * largest suffix that keeps the number whole; binary-SI quantities below 1024 (or not whole bytes)
 * are written in decimal-SI; decimal exponents stay exponents; precision below nano rounds up.
 */
public final class Quantities {
  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final BigDecimal KI = BigDecimal.valueOf(1024);

  private enum Format { BINARY_SI, DECIMAL_SI, DECIMAL_EXPONENT }

  private Quantities() {}

  /** The canonical form of {@code quantity}; a string that is not a quantity is returned as it is. */
  public static String canonical(String quantity) {
    if (quantity == null || quantity.isEmpty() || quantity.length() > 64) {
      return quantity;
    }
    int end = numberEnd(quantity);
    if (end == 0) {
      return quantity;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(quantity.substring(0, end));
    } catch (NumberFormatException e) {
      return quantity;
    }
    String suffix = quantity.substring(end);
    Format format;
    BigDecimal value;
    int binary = indexOf(BINARY, suffix);
    if (binary > 0) {
      format = Format.BINARY_SI;
      value = number.multiply(KI.pow(binary));
    } else if (decimalExponent(suffix) != null) {
      format = Format.DECIMAL_SI;
      value = number.scaleByPowerOfTen(decimalExponent(suffix));
    } else if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      Integer exp = exponent(suffix.substring(1));
      if (exp == null) {
        return quantity;
      }
      format = Format.DECIMAL_EXPONENT;
      value = number.scaleByPowerOfTen(exp);
    } else {
      return quantity;
    }
    if (value.signum() == 0) {
      return "0";
    }
    if (value.scale() > 9) {
      value = value.setScale(9, RoundingMode.CEILING); // nano is the finest precision
    }
    if (format == Format.BINARY_SI && value.abs().compareTo(KI) >= 0 && isWhole(value)) {
      BigDecimal n = value.stripTrailingZeros();
      int step = 0;
      while (step < BINARY.length - 1 && isWhole(n.divide(KI))) {
        n = n.divide(KI);
        step++;
      }
      return plain(n) + BINARY[step];
    }
    if (format == Format.BINARY_SI) {
      format = Format.DECIMAL_SI;
    }
    // the largest exponent, a multiple of 3, that leaves a whole number
    for (int e = 18; e >= -9; e -= 3) {
      BigDecimal m = value.scaleByPowerOfTen(-e);
      if (isWhole(m)) {
        return plain(m) + (format == Format.DECIMAL_SI ? decimalSuffix(e) : e == 0 ? "" : "e" + e);
      }
    }
    return plain(value.scaleByPowerOfTen(9).setScale(0, RoundingMode.CEILING)) + (format == Format.DECIMAL_SI ? "n" : "e-9");
  }

  private static int numberEnd(String s) {
    int i = 0;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
      i++;
    }
    return i;
  }

  /** Decimal-SI suffixes as powers of ten; null for anything else. */
  private static Integer decimalExponent(String suffix) {
    return switch (suffix) {
      case "n" -> -9;
      case "u" -> -6;
      case "m" -> -3;
      case "" -> 0;
      case "k" -> 3;
      case "M" -> 6;
      case "G" -> 9;
      case "T" -> 12;
      case "P" -> 15;
      case "E" -> 18;
      default -> null;
    };
  }

  private static String decimalSuffix(int e) {
    return switch (e) {
      case -9 -> "n";
      case -6 -> "u";
      case -3 -> "m";
      case 3 -> "k";
      case 6 -> "M";
      case 9 -> "G";
      case 12 -> "T";
      case 15 -> "P";
      case 18 -> "E";
      default -> "";
    };
  }

  private static Integer exponent(String s) {
    if (s.isEmpty() || s.length() > 4) {
      return null;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isWhole(BigDecimal v) {
    return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
  }

  private static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }

  private static int indexOf(String[] a, String s) {
    for (int i = 0; i < a.length; i++) {
      if (a[i].equals(s)) {
        return i;
      }
    }
    return -1;
  }
}
