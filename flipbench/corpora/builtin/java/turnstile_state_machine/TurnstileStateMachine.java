import java.util.ArrayList;
import java.util.List;

/** A coin-operated turnstile modelled as a state machine that logs every event. */
public class TurnstileStateMachine {
    public enum State { LOCKED, UNLOCKED, BROKEN }

    public static final int ALARMS_TO_BREAK = 3;

    private final int fare;
    private State state = State.LOCKED;
    private int credit; // cents inserted and not yet spent on a fare
    private int collected;
    private int refunded;
    private int passes;
    private int alarms;
    private int alarmsSincePass;
    private final List<String> log = new ArrayList<>();

    public TurnstileStateMachine(int fare) {
        if (fare <= 0) {
            throw new IllegalArgumentException("fare must be positive");
        }
        this.fare = fare;
    }

    /** Adds a coin to the credit; a locked turnstile unlocks once the credit covers the fare. */
    public State insertCoin(int cents) {
        if (cents <= 0) {
            throw new IllegalArgumentException("bad coin " + cents);
        }
        if (state == State.BROKEN) {
            refunded += cents; // a broken turnstile hands coins straight back
            moveTo(State.BROKEN, "coin " + cents);
            return state;
        }
        credit += cents;
        if (state == State.LOCKED && chargeFare()) {
            moveTo(State.UNLOCKED, "coin " + cents);
        } else {
            moveTo(state, "coin " + cents);
        }
        return state;
    }

    /** A push on the arm: passes when unlocked, raises an alarm when locked, does nothing when broken. */
    public State push() {
        if (state == State.UNLOCKED) {
            passes++;
            alarmsSincePass = 0;
            // enough credit left for the next person keeps the arm unlocked
            moveTo(chargeFare() ? State.UNLOCKED : State.LOCKED, "push");
        } else if (state == State.LOCKED) {
            alarms++;
            alarmsSincePass++;
            moveTo(alarmsSincePass >= ALARMS_TO_BREAK ? State.BROKEN : State.LOCKED, "alarm");
        } else {
            moveTo(State.BROKEN, "push");
        }
        return state;
    }

    /** Fixes a broken turnstile, which comes back locked; ignored in the other states. */
    public State repair() {
        if (state == State.BROKEN) {
            alarmsSincePass = 0;
            moveTo(State.LOCKED, "repair");
        }
        return state;
    }

    /** Hands back the unspent credit unless the arm is unlocked; returns the amount. */
    public int refund() {
        if (state == State.UNLOCKED || credit == 0) {
            return 0;
        }
        int amount = credit;
        credit = 0;
        refunded += amount;
        moveTo(state, "refund " + amount);
        return amount;
    }

    /** Runs space-separated events: "c25" (coin), "p" (push), "r" (repair), "f" (refund). */
    public State replay(String events) {
        String[] tokens = events.trim().split(" +");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            char kind = token.charAt(0);
            if (kind == 'c' && token.length() > 1) {
                insertCoin(Integer.parseInt(token.substring(1)));
            } else if (kind == 'p' && token.length() == 1) {
                push();
            } else if (kind == 'r' && token.length() == 1) {
                repair();
            } else if (kind == 'f' && token.length() == 1) {
                refund();
            } else {
                throw new IllegalArgumentException("unknown event '" + token + "' at " + i);
            }
        }
        return state;
    }

    public State state() {
        return state;
    }

    public int credit() {
        return credit;
    }

    /** "passes=2 alarms=1 collected=200 refunded=0" */
    public String summary() {
        return "passes=" + passes + " alarms=" + alarms + " collected=" + collected + " refunded=" + refunded;
    }

    /** Entries such as "LOCKED -coin 50-> UNLOCKED". */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** How many logged events changed the state. */
    public int stateChanges() {
        int changes = 0;
        for (int i = 0; i < log.size(); i++) {
            String entry = log.get(i);
            String from = entry.substring(0, entry.indexOf(' '));
            String to = entry.substring(entry.lastIndexOf(' ') + 1);
            if (!from.equals(to)) {
                changes++;
            }
        }
        return changes;
    }

    private boolean chargeFare() {
        if (credit < fare) {
            return false;
        }
        credit -= fare;
        collected += fare;
        return true;
    }

    private void moveTo(State next, String event) {
        log.add(state + " -" + event + "-> " + next);
        state = next;
    }
}
