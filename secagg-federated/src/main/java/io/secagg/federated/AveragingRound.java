package io.secagg.federated;

import io.secagg.core.protocol.Dropout;
import io.secagg.dp.accounting.PrivacyGuarantee;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one completed round on the server: the sum and the mean of the included
 * clients' (clipped) updates, who was included, how accurate the result is, and, with DP, what it
 * cost in privacy. Immutable: the arrays are returned as copies.
 */
public final class AveragingRound {
  private final long round;
  private final double[] sum;
  private final List<Integer> includedClients;
  private final List<Dropout> dropouts;
  private final ErrorBound sumError;
  private final PrivacyGuarantee privacy;
  private final PrivacyGuarantee privacySpent;
  private final Duration protocolTime;

  AveragingRound(long round, double[] sum, List<Integer> includedClients, List<Dropout> dropouts,
      ErrorBound sumError, PrivacyGuarantee privacy, PrivacyGuarantee privacySpent,
      Duration protocolTime) {
    this.round = round;
    this.sum = sum;
    this.includedClients = List.copyOf(includedClients);
    this.dropouts = List.copyOf(dropouts);
    this.sumError = sumError;
    this.privacy = privacy;
    this.privacySpent = privacySpent;
    this.protocolTime = protocolTime;
  }

  /** The round number. */
  public long round() {
    return round;
  }

  /** The estimated sum of the included clients' clipped updates, length d (a copy). */
  public double[] sum() {
    return sum.clone();
  }

  /** The estimated mean of the included clients' clipped updates, length d (a fresh array). */
  public double[] mean() {
    double[] mean = new double[sum.length];
    double n = includedClients.size();
    for (int i = 0; i < mean.length; i++) {
      mean[i] = sum[i] / n;
    }
    return mean;
  }

  /**
   * {@link #mean()} rounded to {@code float}, the type most models keep their parameters in
   * (the rounding adds at most half a float ulp to {@link #meanError()}).
   */
  public float[] meanAsFloats() {
    float[] mean = new float[sum.length];
    double n = includedClients.size();
    for (int i = 0; i < mean.length; i++) {
      mean[i] = (float) (sum[i] / n);
    }
    return mean;
  }

  /** The ids of the clients whose updates are in the sum, ascending. */
  public List<Integer> includedClients() {
    return includedClients;
  }

  /** The clients that left the round, with the round and cause, ascending by id. */
  public List<Dropout> dropouts() {
    return dropouts;
  }

  /** The error of each coordinate of {@link #sum()}. */
  public ErrorBound sumError() {
    return sumError;
  }

  /**
   * The error of each coordinate of {@link #mean()}: {@link #sumError()} divided by the number
   * of included clients, plus the rounding of the division (a few ulps, included in the maximum).
   */
  public ErrorBound meanError() {
    ErrorBound mean = sumError.dividedBy(includedClients.size());
    if (!mean.isGuaranteed()) {
      return mean;
    }
    double slack = 0;
    for (double s : sum) {
      slack = Math.max(slack, Math.ulp(s / includedClients.size()));
    }
    return new ErrorBound(mean.maxAbsoluteError() + slack, mean.standardDeviation(),
        mean.noiseStandardDeviation());
  }

  /** With DP: this round's own guarantee, counting the included honest clients' noise. */
  public Optional<PrivacyGuarantee> privacy() {
    return Optional.ofNullable(privacy);
  }

  /**
   * With DP: the guarantee of every round the server has completed so far, this one included,
   * composed by the accountant with each round's actual number of included clients.
   */
  public Optional<PrivacyGuarantee> privacySpent() {
    return Optional.ofNullable(privacySpent);
  }

  /**
   * How long the protocol took on the server, from the first request to the result (the
   * float decoding excluded).
   */
  public Duration protocolTime() {
    return protocolTime;
  }

  @Override
  public String toString() {
    return "AveragingRound[round=" + round + ", d=" + sum.length + ", included="
        + includedClients.size() + ", dropouts=" + dropouts.size() + ", protocolTime="
        + protocolTime + ", sumError=" + sumError
        + (privacySpent == null ? "" : ", privacySpent=" + privacySpent) + "]";
  }
}
