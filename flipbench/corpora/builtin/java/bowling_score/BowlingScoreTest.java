import java.util.List;
import java.util.Objects;

public class BowlingScoreTest {
    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static void checkEquals(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static BowlingScore game(int... pins) {
        BowlingScore game = new BowlingScore();
        for (int p : pins) {
            game.roll(p);
        }
        return game;
    }

    private static int[] zerosThen(int zeros, int... tail) {
        int[] all = new int[zeros + tail.length];
        for (int i = 0; i < tail.length; i++) {
            all[zeros + i] = tail[i];
        }
        return all;
    }

    private static String checkBadRoll(BowlingScore game, int pins) {
        try {
            game.roll(pins);
        } catch (IllegalArgumentException expected) {
            return expected.getMessage();
        }
        throw new AssertionError("expected roll of " + pins + " to be rejected");
    }

    static void testSimpleGames() {
        checkEquals(0, game(zerosThen(20)).score());
        checkEquals(20, game(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1).score());
        checkEquals(List.of(2, 4, 6, 8, 10, 12, 14, 16, 18, 20),
                game(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1).frameScores());
        checkEquals(90, BowlingScore.scoreOf("9-9-9-9-9-9-9-9-9-9-"));
    }

    static void testStrikeAndSpareBonuses() {
        int[] spare = zerosThen(20);
        spare[0] = 5;
        spare[1] = 5;
        spare[2] = 3;
        checkEquals(16, game(spare).score());
        int[] strike = zerosThen(19);
        strike[0] = 10;
        strike[1] = 3;
        strike[2] = 4;
        checkEquals(24, game(strike).score());
        checkEquals(150, BowlingScore.scoreOf("5/5/5/5/5/5/5/5/5/5/5"));
    }

    static void testPerfectGame() {
        BowlingScore perfect = game(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
        checkEquals(300, perfect.score());
        checkEquals(12, perfect.rollCount());
        checkEquals(List.of(30, 60, 90, 120, 150, 180, 210, 240, 270, 300), perfect.frameScores());
        checkEquals(300, BowlingScore.scoreOf("XXXXXXXXXXXX"));
    }

    static void testTenthFrame() {
        checkEquals(15, game(zerosThen(18, 7, 3, 5)).score());
        checkEquals(30, game(zerosThen(18, 10, 10, 10)).score());
        checkEquals(17, game(zerosThen(18, 10, 3, 4)).score());
        checkEquals(20, game(zerosThen(18, 10, 7, 3)).score());
        checkEquals(20, game(zerosThen(18, 10, 0, 10)).score());
        checkEquals(20, game(zerosThen(18, 7, 3, 10)).score());
        checkEquals(9, game(zerosThen(18, 5, 4)).score());
        checkEquals(60, game(zerosThen(16, 10, 10, 10, 10)).score());
        BowlingScore open = game(zerosThen(18, 3, 4));
        check(open.isComplete(), "open tenth frame ends after two rolls");
        boolean thrown = false;
        try {
            open.roll(1);
        } catch (IllegalStateException expected) {
            thrown = true;
        }
        check(thrown, "no roll after the game is over");
    }

    static void testKnownGame() {
        checkEquals(167, BowlingScore.scoreOf("X 7/ 9- X -8 8/ -6 X X X81"));
        checkEquals(List.of(20, 39, 48, 66, 74, 84, 90, 120, 148, 167),
                game(10, 7, 3, 9, 0, 10, 0, 8, 8, 2, 0, 6, 10, 10, 10, 8, 1).frameScores());
        checkEquals(167, BowlingScore.scoreOf("x|7/|90|x|08|8/|06|x|x|x81"));
    }

    static void testPartialGames() {
        checkEquals(List.of(), game(10, 3).frameScores());
        checkEquals(List.of(17, 24), game(10, 3, 4).frameScores());
        checkEquals(List.of(), game(5, 5).frameScores());
        checkEquals(List.of(13), game(5, 5, 3).frameScores());
        checkEquals(List.of(7), game(3, 4, 5).frameScores());
        checkEquals(List.of(), new BowlingScore().frameScores());
        BowlingScore unfinished = game(zerosThen(18, 10, 10));
        check(!unfinished.isComplete(), "tenth frame strike needs a third ball");
        boolean thrown = false;
        try {
            unfinished.score();
        } catch (IllegalStateException expected) {
            thrown = true;
        }
        check(thrown, "score of an unfinished game");
    }

    static void testInvalidRolls() {
        checkBadRoll(new BowlingScore(), -1);
        checkBadRoll(new BowlingScore(), 11);
        checkEquals("frame 1 exceeds 10 pins", checkBadRoll(game(5), 6));
        checkEquals("frame 9 exceeds 10 pins", checkBadRoll(game(zerosThen(16, 9)), 2));
        checkBadRoll(game(zerosThen(18, 10)), 11);
        checkBadRoll(game(zerosThen(18, 7)), 4);
        checkBadRoll(game(zerosThen(18, 10, 7)), 4);
        BowlingScore ok = game(5);
        ok.roll(5);
        checkEquals(2, ok.rollCount());
        String message = "";
        try {
            BowlingScore.scoreOf("X A");
        } catch (IllegalArgumentException expected) {
            message = expected.getMessage();
        }
        checkEquals("bad symbol 'A'", message);
    }
}
