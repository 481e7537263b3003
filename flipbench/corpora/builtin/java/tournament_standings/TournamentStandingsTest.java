import java.util.List;
import java.util.Objects;

public class TournamentStandingsTest {
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

    private static TournamentStandings league() {
        TournamentStandings league = new TournamentStandings();
        check(league.recordMatch("ann", "bob", 2, 0), "match 1");
        check(league.recordMatch("cat", "dan", 1, 1), "match 2");
        check(league.recordMatch("ann", "cat", 1, 1), "match 3");
        check(league.recordMatch("bob", "dan", 2, 0), "match 4");
        check(league.recordMatch("dan", "cat", 2, 0), "match 5");
        check(league.recordMatch("bob", "ann", 1, 1), "match 6");
        return league;
    }

    static void testRowsCountResultsAndGoals() {
        TournamentStandings league = league();
        checkEquals("ann P3 W1 D2 L0 GF4 GA2 GD+2 Pts5", league.row("ann"));
        checkEquals("bob P3 W1 D1 L1 GF3 GA3 GD0 Pts4", league.row("bob"));
        checkEquals("cat P3 W0 D2 L1 GF2 GA4 GD-2 Pts2", league.row("cat"));
        checkEquals("dan P3 W1 D1 L1 GF3 GA3 GD0 Pts4", league.row("dan"));
        checkEquals(5, league.points("ann"));
        checkEquals(0, league.points("zed"));
    }

    static void testRankingAndSharedPositions() {
        TournamentStandings league = league();
        checkEquals(List.of("ann", "bob", "dan", "cat"), league.ranking());
        checkEquals("ann", league.leader());
        checkEquals(1, league.position("ann"));
        checkEquals(2, league.position("bob"));
        checkEquals(2, league.position("dan"));
        checkEquals(4, league.position("cat"));
        checkEquals(0, league.position("zed"));
        checkEquals(List.of("1. ann 5 (+2)", "2. bob 4 (0)", "2. dan 4 (0)", "4. cat 2 (-2)"), league.table());
    }

    static void testTieBreakersGoalDifferenceThenGoalsScored() {
        TournamentStandings league = new TournamentStandings();
        league.recordMatch("y", "x", 0, 3);
        league.recordMatch("w", "z", 0, 1);
        league.recordMatch("q", "p", 2, 3);
        checkEquals(List.of("x", "p", "z", "q", "w", "y"), league.ranking());
        checkEquals(List.of("1. x 3 (+3)", "2. p 3 (+1)", "3. z 3 (+1)", "4. q 0 (-1)", "5. w 0 (-1)",
            "6. y 0 (-3)"), league.table());
        checkEquals(List.of("x", "p", "z"), league.stillInContention(0));
    }

    static void testNamesOnlyOrderTeamsThatAreLevel() {
        TournamentStandings league = new TournamentStandings();
        league.recordMatch("b", "a", 1, 1);
        league.recordMatch("d", "c", 1, 1);
        league.recordMatch("f", "e", 0, 2);
        checkEquals(List.of("e", "a", "b", "c", "d", "f"), league.ranking());
        checkEquals(2, league.position("a"));
        checkEquals(2, league.position("d"));
        checkEquals(6, league.position("f"));
        checkEquals(List.of("1. e 3 (+2)", "2. a 1 (0)", "2. b 1 (0)", "2. c 1 (0)", "2. d 1 (0)", "6. f 0 (-2)"),
            league.table());
    }

    static void testFormKeepsLastFiveResults() {
        TournamentStandings league = new TournamentStandings();
        league.recordMatch("ann", "bob", 1, 0);
        league.recordMatch("ann", "bob", 2, 1);
        league.recordMatch("ann", "bob", 0, 0);
        league.recordMatch("bob", "ann", 2, 0);
        league.recordMatch("bob", "ann", 0, 3);
        checkEquals("WWDLW", league.form("ann"));
        checkEquals("LLDWL", league.form("bob"));
        league.recordMatch("ann", "bob", 0, 1);
        checkEquals("WDLWL", league.form("ann"));
        checkEquals("LDWLW", league.form("bob"));
        checkEquals("ann P6 W3 D1 L2 GF6 GA4 GD+2 Pts10", league.row("ann"));
    }

    static void testStillInContention() {
        TournamentStandings league = league();
        checkEquals(List.of("ann"), league.stillInContention(0));
        checkEquals(List.of("ann", "bob", "dan", "cat"), league.stillInContention(1));
        TournamentStandings small = new TournamentStandings();
        small.recordMatch("ann", "bob", 1, 0);
        small.recordMatch("cat", "ann", 2, 2);
        checkEquals(List.of("ann", "cat"), small.stillInContention(1));
        checkEquals(List.of("ann", "cat", "bob"), small.stillInContention(2));
    }

    static void testInvalidMatchesAndEmptyTable() {
        TournamentStandings league = new TournamentStandings();
        checkEquals(null, league.leader());
        checkEquals(List.of(), league.table());
        check(!league.recordMatch("ann", "ann", 1, 0), "a team cannot play itself");
        check(!league.recordMatch("ann", "bob", -1, 0), "negative home goals");
        check(!league.recordMatch("ann", "bob", 0, -1), "negative away goals");
        checkEquals(List.of(), league.ranking());
        check(league.recordMatch("ann", "bob", 0, 0), "goalless draw");
        checkEquals("bob P1 W0 D1 L0 GF0 GA0 GD0 Pts1", league.row("bob"));
        checkEquals("D", league.form("ann"));
        checkEquals(1, league.position("bob"));
        checkEquals(List.of("1. ann 1 (0)", "1. bob 1 (0)"), league.table());
    }
}
