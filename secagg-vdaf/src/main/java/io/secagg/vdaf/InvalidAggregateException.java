package io.secagg.vdaf;

/**
 * The aggregate shares do not combine to a result that the stated number of valid measurements
 * could produce ({@link VdafException.Reason#IMPOSSIBLE_AGGREGATE}): for example a count above the
 * number of measurements, or histogram buckets that do not add up to it. An aggregator's share is
 * corrupt, or the measurement count given to {@link Prio3#unshard} is wrong. Also raised by
 * {@link BoundedVector#collect} when the two aggregators' shares cover different reports
 * ({@link VdafException.Reason#AGGREGATORS_DISAGREE}).
 */
public final class InvalidAggregateException extends VdafException {
  private static final long serialVersionUID = 1L;

  InvalidAggregateException(String message) {
    super(Reason.IMPOSSIBLE_AGGREGATE, message);
  }

  InvalidAggregateException(Reason reason, String message) {
    super(reason, message);
  }
}
