import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A league table: 3 points for a win, 1 for a draw, ranked with tie-breakers. */
public class TournamentStandings {
    private static final class Row {
        final String team;
        int won;
        int drawn;
        int lost;
        int goalsFor;
        int goalsAgainst;
        String form = "";

        Row(String team) {
            this.team = team;
        }

        int played() {
            return won + drawn + lost;
        }

        int points() {
            return 3 * won + drawn;
        }

        int goalDifference() {
            return goalsFor - goalsAgainst;
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    /** Records a result, adding unknown teams; false for a team playing itself or negative goals. */
    public boolean recordMatch(String home, String away, int homeGoals, int awayGoals) {
        if (home.equals(away) || homeGoals < 0 || awayGoals < 0) {
            return false;
        }
        Row a = rows.computeIfAbsent(home, Row::new);
        Row b = rows.computeIfAbsent(away, Row::new);
        a.goalsFor += homeGoals;
        a.goalsAgainst += awayGoals;
        b.goalsFor += awayGoals;
        b.goalsAgainst += homeGoals;
        if (homeGoals > awayGoals) {
            a.won++;
            b.lost++;
            a.form += "W";
            b.form += "L";
        } else if (homeGoals < awayGoals) {
            b.won++;
            a.lost++;
            a.form += "L";
            b.form += "W";
        } else {
            a.drawn++;
            b.drawn++;
            a.form += "D";
            b.form += "D";
        }
        return true;
    }

    /** Teams by points, then goal difference, then goals scored, then name. */
    public List<String> ranking() {
        List<String> names = new ArrayList<>();
        List<Row> sorted = sortedRows();
        for (int i = 0; i < sorted.size(); i++) {
            names.add(sorted.get(i).team);
        }
        return names;
    }

    public String leader() {
        List<Row> sorted = sortedRows();
        return sorted.isEmpty() ? null : sorted.get(0).team;
    }

    public int points(String team) {
        Row row = rows.get(team);
        return row == null ? 0 : row.points();
    }

    /** 1-based position; teams level on points, goal difference and goals share one; 0 if unknown. */
    public int position(String team) {
        List<Row> sorted = sortedRows();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).team.equals(team)) {
                int first = i;
                while (first > 0 && level(sorted.get(first - 1), sorted.get(i))) {
                    first--;
                }
                return first + 1;
            }
        }
        return 0;
    }

    /** e.g. "ann P3 W1 D2 L0 GF4 GA2 GD+2 Pts5" */
    public String row(String team) {
        Row r = rows.get(team);
        return r.team + " P" + r.played() + " W" + r.won + " D" + r.drawn + " L" + r.lost + " GF" + r.goalsFor
            + " GA" + r.goalsAgainst + " GD" + signed(r.goalDifference()) + " Pts" + r.points();
    }

    /** One line per team in ranking order, e.g. "2. bob 4 (-1)". */
    public List<String> table() {
        List<String> lines = new ArrayList<>();
        List<Row> sorted = sortedRows();
        for (int i = 0; i < sorted.size(); i++) {
            Row r = sorted.get(i);
            lines.add(position(r.team) + ". " + r.team + " " + r.points() + " (" + signed(r.goalDifference()) + ")");
        }
        return lines;
    }

    /** The last five results, oldest first, e.g. "WDLWW". */
    public String form(String team) {
        String form = rows.get(team).form;
        return form.length() <= 5 ? form : form.substring(form.length() - 5);
    }

    /** Teams, in ranking order, that could still reach the leader's points with gamesLeft wins. */
    public List<String> stillInContention(int gamesLeft) {
        List<String> teams = new ArrayList<>();
        List<Row> sorted = sortedRows();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).points() + 3 * gamesLeft >= sorted.get(0).points()) {
                teams.add(sorted.get(i).team);
            }
        }
        return teams;
    }

    private List<Row> sortedRows() {
        List<Row> sorted = new ArrayList<>(rows.values());
        for (int i = 1; i < sorted.size(); i++) {
            Row current = sorted.get(i);
            int j = i - 1;
            while (j >= 0 && ranksAbove(current, sorted.get(j))) {
                sorted.set(j + 1, sorted.get(j));
                j--;
            }
            sorted.set(j + 1, current);
        }
        return sorted;
    }

    private static boolean ranksAbove(Row a, Row b) {
        if (a.points() != b.points()) {
            return a.points() > b.points();
        }
        if (a.goalDifference() != b.goalDifference()) {
            return a.goalDifference() > b.goalDifference();
        }
        if (a.goalsFor != b.goalsFor) {
            return a.goalsFor > b.goalsFor;
        }
        return a.team.compareTo(b.team) < 0;
    }

    private static boolean level(Row a, Row b) {
        return a.points() == b.points() && a.goalDifference() == b.goalDifference() && a.goalsFor == b.goalsFor;
    }

    private static String signed(int value) {
        return value > 0 ? "+" + value : "" + value;
    }
}
