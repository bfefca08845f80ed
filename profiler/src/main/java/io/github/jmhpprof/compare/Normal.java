package io.github.jmhpprof.compare;

/** The standard normal distribution's upper tail, which the JDK does not have. */
final class Normal {

    private Normal() {}

    /** P(Z > z) for a standard normal Z. */
    static double upperTail(double z) {
        return erfc(z / Math.sqrt(2)) / 2;
    }

    /**
     * The complementary error function by its Chebyshev fit (Numerical Recipes, {@code erfcc}),
     * relative error below 1.2e-7 everywhere: ample for a p-value compared with 0.05.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double ans = t
                * Math.exp(
                        -z * z
                                - 1.26551223
                                + t
                                        * (1.00002368
                                                + t
                                                        * (0.37409196
                                                                + t
                                                                        * (0.09678418
                                                                                + t
                                                                                        * (-0.18628806
                                                                                                + t
                                                                                                        * (0.27886807
                                                                                                                + t
                                                                                                                        * (-1.13520398
                                                                                                                                + t
                                                                                                                                        * (1.48851587
                                                                                                                                                + t
                                                                                                                                                        * (-0.82215223
                                                                                                                                                                + t
                                                                                                                                                                        * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }
}
