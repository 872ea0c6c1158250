package io.secagg.dp.ddg;

/** Which exact integer noise each client adds in the DDG pipeline. */
public enum NoiseKind {
  /** The discrete Gaussian {@code N_Z(0, sigma^2)} (Kairouz, Liu and Steinke 2021). */
  DISCRETE_GAUSSIAN,
  /**
   * The symmetric Skellam distribution of variance {@code sigma^2} (Agarwal, Kairouz and Liu 2021);
   * sums of Skellam noise are Skellam again, so the accounting of any survivor count is exact.
   */
  SKELLAM
}
