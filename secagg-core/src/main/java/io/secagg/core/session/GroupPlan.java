package io.secagg.core.session;

import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.Modulus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How the participants of a round are split into groups, each of which runs its own SecAgg
 * session; the server adds the group sums ({@code spec/transport.md}, section 8). Immutable.
 *
 * <p>Participants are numbered 1..{@link #participantCount()} (global ids). The groups are
 * contiguous runs of ids in ascending order whose sizes differ by at most one, the larger groups
 * first; inside group g, the participant with the smallest id is client 1 of that group's
 * session, the next is client 2, and so on.
 *
 * <p>The server learns each group's sum: grouping trades the server's knowledge of partial sums
 * for cheaper sessions. Every group must on its own satisfy the threshold and dropout budget.
 */
public final class GroupPlan {
  /** The smallest group: a SecAgg session needs at least three clients. */
  public static final int MIN_GROUP_SIZE = 3;
  /** The largest number of participants a plan covers. */
  public static final int MAX_PARTICIPANTS = 1 << 24;

  private final int participants;
  private final int[] first; // first[g] = first global id of group g; first[groupCount] = n + 1
  private final List<SecAggConfig> configs;

  private GroupPlan(int participants, int[] first, List<SecAggConfig> configs) {
    this.participants = participants;
    this.first = first;
    this.configs = configs;
  }

  /**
   * One group of a plan: its index, the global id of its first participant (its client 1) and its
   * size; its participants are ids {@code firstParticipant..lastParticipant()}.
   *
   * @param index the group, 0-based
   * @param firstParticipant the smallest global id in the group
   * @param size the number of participants, at least {@value GroupPlan#MIN_GROUP_SIZE}
   */
  public record Group(int index, int firstParticipant, int size) {
    /** The largest global id in the group. */
    public int lastParticipant() {
      return firstParticipant + size - 1;
    }
  }

  /**
   * The sizes of the groups {@link #split} makes of {@code participants} with groups of at most
   * {@code maxGroupSize}: {@code ceil(participants / maxGroupSize)} groups whose sizes differ by
   * at most one, the larger first. For planning before the configurations exist (for example,
   * one threshold that suits the smallest and the largest group, {@link SessionPlanner#plan(int,
   * int)}).
   *
   * @return the groups, in order
   * @throws IllegalArgumentException as {@link #split}
   */
  public static List<Group> layout(int participants, int maxGroupSize) {
    if (participants < MIN_GROUP_SIZE || participants > MAX_PARTICIPANTS) {
      throw new IllegalArgumentException(
          "Invalid participant count " + participants + "; must be " + MIN_GROUP_SIZE + ".." + MAX_PARTICIPANTS);
    }
    if (maxGroupSize < MIN_GROUP_SIZE || maxGroupSize > SecAggConfig.MAX_CLIENTS) {
      throw new IllegalArgumentException(
          "Invalid maximum group size " + maxGroupSize + "; must be " + MIN_GROUP_SIZE + ".." + SecAggConfig.MAX_CLIENTS);
    }
    int groups = (participants + maxGroupSize - 1) / maxGroupSize;
    int base = participants / groups;
    int larger = participants % groups;
    if (base < MIN_GROUP_SIZE) {
      throw new IllegalArgumentException(
          "Splitting " + participants + " participants into groups of at most " + maxGroupSize + " leaves groups of "
              + base + "; every group needs at least " + MIN_GROUP_SIZE);
    }
    List<Group> list = new ArrayList<>(groups);
    int next = 1;
    for (int g = 0; g < groups; g++) {
      int size = base + (g < larger ? 1 : 0);
      list.add(new Group(g, next, size));
      next += size;
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * One group holding participants 1..{@code config.clientCount()}.
   *
   * @throws NullPointerException if {@code config} is null
   */
  public static GroupPlan single(SecAggConfig config) {
    Objects.requireNonNull(config, "config");
    int n = config.clientCount();
    return new GroupPlan(n, new int[] {1, n + 1}, List.of(config));
  }

  /**
   * Splits {@code participants} into {@code ceil(participants / maxGroupSize)} contiguous groups
   * of balanced sizes (differing by at most one, larger groups first).
   *
   * @param participants the number of participants, 3..{@value #MAX_PARTICIPANTS}
   * @param maxGroupSize the largest group, 3..{@link SecAggConfig#MAX_CLIENTS}
   * @param factory gives each group's configuration
   * @throws NullPointerException if {@code factory} is null or returns null
   * @throws IllegalArgumentException if a count is out of range, a group would have fewer than
   *     3 participants, a configuration's client count differs from its group's size, or the
   *     groups disagree on vector length or modulus
   */
  public static GroupPlan split(int participants, int maxGroupSize, GroupConfigFactory factory) {
    Objects.requireNonNull(factory, "factory");
    List<Group> groups = layout(participants, maxGroupSize);
    int[] first = new int[groups.size() + 1];
    List<SecAggConfig> configs = new ArrayList<>(groups.size());
    for (Group group : groups) {
      int g = group.index();
      first[g] = group.firstParticipant();
      SecAggConfig c = Objects.requireNonNull(factory.forGroup(group), "factory returned null");
      if (c.clientCount() != group.size()) {
        throw new IllegalArgumentException(
            "Configuration of group " + g + " has " + c.clientCount() + " clients; the group has " + group.size());
      }
      if (g > 0 && (c.vectorLength() != configs.get(0).vectorLength()
          || !c.modulus().equals(configs.get(0).modulus()))) {
        throw new IllegalArgumentException(
            "Configuration of group " + g + " has L=" + c.vectorLength() + ", m=" + c.modulus()
                + "; group 0 has L=" + configs.get(0).vectorLength() + ", m=" + configs.get(0).modulus());
      }
      configs.add(c);
    }
    first[groups.size()] = participants + 1;
    return new GroupPlan(participants, first, Collections.unmodifiableList(configs));
  }

  /**
   * Group {@code group}: its index, first participant and size.
   *
   * @throws IllegalArgumentException if {@code group} is outside 0..groupCount-1
   */
  public Group group(int group) {
    checkGroup(group);
    return new Group(group, first[group], first[group + 1] - first[group]);
  }

  /** The number of participants n (global ids 1..n). */
  public int participantCount() {
    return participants;
  }

  /** The number of groups. */
  public int groupCount() {
    return configs.size();
  }

  /**
   * The configuration of group {@code group}.
   *
   * @throws IllegalArgumentException if {@code group} is outside 0..groupCount-1
   */
  public SecAggConfig groupConfig(int group) {
    checkGroup(group);
    return configs.get(group);
  }

  /**
   * The number of participants in group {@code group}.
   *
   * @throws IllegalArgumentException if {@code group} is outside 0..groupCount-1
   */
  public int groupSize(int group) {
    checkGroup(group);
    return first[group + 1] - first[group];
  }

  /**
   * The smallest global id in group {@code group}.
   *
   * @throws IllegalArgumentException if {@code group} is outside 0..groupCount-1
   */
  public int firstParticipant(int group) {
    checkGroup(group);
    return first[group];
  }

  /**
   * The group of a participant.
   *
   * @throws IllegalArgumentException if {@code participant} is outside 1..n
   */
  public int groupOf(int participant) {
    checkParticipant(participant);
    int lo = 0;
    int hi = configs.size() - 1;
    while (lo < hi) { // the last group whose first id is <= participant
      int mid = (lo + hi + 1) >>> 1;
      if (first[mid] <= participant) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * A participant's 1-based client id inside its group's session.
   *
   * @throws IllegalArgumentException if {@code participant} is outside 1..n
   */
  public int clientIdOf(int participant) {
    return participant - first[groupOf(participant)] + 1;
  }

  /**
   * The global id of client {@code clientId} of group {@code group}.
   *
   * @throws IllegalArgumentException if the group or client id is out of range
   */
  public int participantOf(int group, int clientId) {
    int size = groupSize(group);
    if (clientId < 1 || clientId > size) {
      throw new IllegalArgumentException(
          "Invalid client id " + clientId + " for group " + group + "; must be 1.." + size);
    }
    return first[group] + clientId - 1;
  }

  /** The vector length L shared by every group. */
  public int vectorLength() {
    return configs.get(0).vectorLength();
  }

  /** The modulus m shared by every group. */
  public Modulus modulus() {
    return configs.get(0).modulus();
  }

  private void checkGroup(int group) {
    if (group < 0 || group >= configs.size()) {
      throw new IllegalArgumentException(
          "Invalid group " + group + "; must be 0.." + (configs.size() - 1));
    }
  }

  private void checkParticipant(int participant) {
    if (participant < 1 || participant > participants) {
      throw new IllegalArgumentException(
          "Invalid participant " + participant + "; must be 1.." + participants);
    }
  }

  @Override
  public String toString() {
    return "GroupPlan[" + participants + " participants in " + configs.size() + " groups, L="
        + vectorLength() + ", m=" + modulus() + "]";
  }
}
