package dev.tenet.core.rules.pipeline;

import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.expr.Expressions;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How an action's inputs switch a behaviour (caching, publishing with a long-lived token) on or
 * off, evaluated on a step in four values: on by default, switched on, off, or decided by an
 * expression at run time. Modelled after zizmor's action coordinates, so both tools read actions
 * the same way.
 */
final class Coordinate {
  private Coordinate() {}

  /** The outcome for a step. */
  enum Usage {
    DEFAULT,
    ON,
    OFF,
    CONDITIONAL;

    Usage and(Usage o) {
      if (this == OFF || o == OFF) {
        return OFF;
      }
      if (this == DEFAULT) {
        return o;
      }
      if (this == ON) {
        return o == CONDITIONAL ? CONDITIONAL : ON;
      }
      // CONDITIONAL
      return o == DEFAULT ? ON : CONDITIONAL;
    }

    Usage or(Usage o) {
      if (this == ON || o == ON) {
        return ON;
      }
      if (this == DEFAULT || o == DEFAULT) {
        return DEFAULT;
      }
      if (this == CONDITIONAL || o == CONDITIONAL) {
        return CONDITIONAL;
      }
      return OFF;
    }

    Usage not() {
      return switch (this) {
        case DEFAULT, ON -> OFF;
        case OFF -> ON;
        case CONDITIONAL -> CONDITIONAL;
      };
    }

    boolean used() {
      return this != OFF;
    }
  }

  /** Opt-in inputs switch the behaviour on when they match; opt-out inputs switch it off. */
  enum Toggle {
    OPT_IN,
    OPT_OUT
  }

  /** A condition on a step's inputs. */
  interface Control {
    Usage eval(Step step);
  }

  /** A boolean input. */
  static Control bool(Toggle toggle, String input, boolean onByDefault) {
    return step -> {
      YamlNode n = step.with().get(input);
      if (!(n instanceof YamlScalar s)) {
        return onByDefault ? Usage.DEFAULT : Usage.OFF;
      }
      String v = s.value().strip();
      if (v.equals("true")) {
        return toggle == Toggle.OPT_IN ? Usage.ON : Usage.OFF;
      }
      if (v.equals("false")) {
        return toggle == Toggle.OPT_IN ? Usage.OFF : Usage.ON;
      }
      if (Expressions.isWholly(v)) {
        return Usage.CONDITIONAL;
      }
      // Anything else: assume the action treats it as true.
      return toggle == Toggle.OPT_IN ? Usage.ON : Usage.OFF;
    };
  }

  /** A free-text input: set and non-empty means on (opt-in). */
  static Control present(Toggle toggle, String input, boolean onByDefault) {
    return step -> {
      YamlNode n = step.with().get(input);
      if (!(n instanceof YamlScalar s)) {
        return onByDefault ? Usage.DEFAULT : Usage.OFF;
      }
      boolean empty = s.value().isBlank();
      return (toggle == Toggle.OPT_IN) != empty ? Usage.ON : Usage.OFF;
    };
  }

  /** An input that only matches some values. */
  static Control oneOf(Toggle toggle, String input, Set<String> values, boolean onByDefault) {
    return step -> {
      YamlNode n = step.with().get(input);
      if (!(n instanceof YamlScalar s)) {
        return onByDefault ? Usage.DEFAULT : Usage.OFF;
      }
      String v = s.value().strip();
      if (Expressions.isWholly(v)) {
        return Usage.CONDITIONAL;
      }
      boolean match = values.contains(v.toLowerCase(Locale.ROOT));
      return (toggle == Toggle.OPT_IN) == match ? Usage.ON : Usage.OFF;
    };
  }

  /** On when the action's version (from the ref or its comment) is below {@code major}. */
  static Control versionBelow(int major) {
    return step -> {
      int v = majorVersion(step);
      return v < 0 || v < major ? Usage.ON : Usage.OFF;
    };
  }

  static Control all(Control... parts) {
    return step -> {
      Usage u = null;
      for (Control c : parts) {
        Usage next = c.eval(step);
        u = u == null ? next : u.and(next);
      }
      return u;
    };
  }

  static Control any(Control... parts) {
    return step -> {
      Usage u = null;
      for (Control c : parts) {
        Usage next = c.eval(step);
        u = u == null ? next : u.or(next);
      }
      return u;
    };
  }

  static Control not(Control c) {
    return step -> c.eval(step).not();
  }

  static Control always() {
    return step -> Usage.ON;
  }

  /** The major version a step's action names, or -1. */
  static int majorVersion(Step step) {
    if (step.uses() == null) {
      return -1;
    }
    String v = step.uses().version();
    if (v.startsWith("v") || v.startsWith("V")) {
      v = v.substring(1);
    }
    int end = 0;
    while (end < v.length() && Character.isDigit(v.charAt(end))) {
      end++;
    }
    if (end == 0) {
      return -1;
    }
    try {
      return Integer.parseInt(v.substring(0, end));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** An action and the control that decides whether it does the thing. */
  record Action(String slug, Control control, String input) {
    Usage usage(Step step) {
      if (step.uses() == null || !step.uses().is(slug)) {
        return Usage.OFF;
      }
      return control.eval(step);
    }
  }

  static Action action(String slug, Control control, String input) {
    return new Action(slug, control, input);
  }

  static List<String> lower(List<String> l) {
    return l.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
  }
}
