import java.util.ArrayList;
import java.util.List;

/** Ten-pin bowling: validates each roll and scores strikes, spares and the tenth frame. */
public class BowlingScore {
    private final int[] rolls = new int[21];
    private int count;
    private int frame;
    private int rollInFrame;

    public void roll(int pins) {
        if (pins < 0 || pins > 10) {
            throw new IllegalArgumentException("pins must be 0 to 10: " + pins);
        }
        if (isComplete()) {
            throw new IllegalStateException("game is over");
        }
        int previous = rollInFrame > 0 ? rolls[count - 1] : 0;
        if (frame < 9) {
            if (previous + pins > 10) {
                throw new IllegalArgumentException("frame " + (frame + 1) + " exceeds 10 pins");
            }
            rolls[count] = pins;
            count++;
            if (rollInFrame == 0 && pins < 10) {
                rollInFrame = 1;
            } else {
                frame++;
                rollInFrame = 0;
            }
            return;
        }
        rollTenth(pins, previous);
    }

    // tenth frame: after a strike or a spare the pins are set up again
    private void rollTenth(int pins, int previous) {
        boolean reset = previous == 10 || (rollInFrame == 2 && rolls[count - 2] + previous == 10);
        if (rollInFrame > 0 && !reset && previous + pins > 10) {
            throw new IllegalArgumentException("frame 10 exceeds 10 pins");
        }
        rolls[count] = pins;
        count++;
        rollInFrame++;
        if (rollInFrame == 3 || (rollInFrame == 2 && rolls[count - 2] + pins < 10)) {
            frame = 10;
        }
    }

    public boolean isComplete() {
        return frame == 10;
    }

    public int rollCount() {
        return count;
    }

    /** Running totals of the frames whose bonus rolls are already known. */
    public List<Integer> frameScores() {
        List<Integer> scores = new ArrayList<>();
        int total = 0;
        int i = 0;
        for (int f = 0; f < 10 && i < count; f++) {
            boolean strike = rolls[i] == 10;
            boolean spare = !strike && i + 1 < count && rolls[i] + rolls[i + 1] == 10;
            int needed = strike || spare ? 3 : 2;
            if (i + needed > count) {
                break;
            }
            for (int k = i; k < i + needed; k++) {
                total += rolls[k];
            }
            scores.add(total);
            i += strike ? 1 : 2;
        }
        return scores;
    }

    public int score() {
        if (!isComplete()) {
            throw new IllegalStateException("game is not complete");
        }
        List<Integer> scores = frameScores();
        return scores.get(scores.size() - 1);
    }

    /**
     * Scores a whole game written in the usual notation: X strike, / spare, - or 0 a miss, 1-9 pins;
     * spaces and | between frames are ignored.
     */
    public static int scoreOf(String notation) {
        BowlingScore game = new BowlingScore();
        int previous = 0;
        for (int i = 0; i < notation.length(); i++) {
            char c = notation.charAt(i);
            if (c == ' ' || c == '|') {
                continue;
            }
            int pins = pinsFor(c, previous);
            game.roll(pins);
            previous = pins;
        }
        return game.score();
    }

    private static int pinsFor(char symbol, int previous) {
        if (symbol == 'X' || symbol == 'x') {
            return 10;
        }
        if (symbol == '/') {
            return 10 - previous;
        }
        if (symbol == '-') {
            return 0;
        }
        if (symbol >= '0' && symbol <= '9') {
            return symbol - '0';
        }
        throw new IllegalArgumentException("bad symbol '" + symbol + "'");
    }
}
