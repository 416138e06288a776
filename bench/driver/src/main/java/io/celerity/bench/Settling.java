package io.celerity.bench;

/**
 * When a warm-up may stop: after {@code min} rounds at least, once two rounds in a row have not cost a tenth less CPU
 * per task than the best round so far, and after {@code max} rounds in any case.
 */
final class Settling {

    private final int min;
    private final int max;
    private double best = Double.MAX_VALUE;
    private int flat;
    private int rounds;

    Settling(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /** Records one round's CPU per task, and says whether the warm-up is over. */
    boolean settled(double perTask) {
        rounds++;
        flat = perTask > best * 0.9 ? flat + 1 : 0;
        best = Math.min(best, perTask);
        return rounds >= max || rounds >= min && flat >= 2;
    }

    int rounds() {
        return rounds;
    }
}
