import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tasks with durations and prerequisites: topological order, cycle detection, critical path. */
public class TaskScheduler {
    private final List<String> names = new ArrayList<>();
    private final List<Integer> durations = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<List<Integer>> prerequisites = new ArrayList<>();
    private final List<List<Integer>> dependents = new ArrayList<>();

    /** Adds a task; false for a duplicate name or a negative duration. */
    public boolean addTask(String name, int duration) {
        if (ids.containsKey(name) || duration < 0) {
            return false;
        }
        ids.put(name, names.size());
        names.add(name);
        durations.add(duration);
        prerequisites.add(new ArrayList<>());
        dependents.add(new ArrayList<>());
        return true;
    }

    /** Declares that task cannot start before prerequisite has finished. */
    public boolean addDependency(String task, String prerequisite) {
        Integer t = ids.get(task);
        Integer p = ids.get(prerequisite);
        if (t == null || p == null || t.equals(p) || prerequisites.get(t).contains(p)) {
            return false;
        }
        prerequisites.get(t).add(p);
        dependents.get(p).add(t);
        return true;
    }

    /** A valid execution order, taking the earliest-added ready task each time; empty on a cycle. */
    public List<String> order() {
        int n = names.size();
        int[] waiting = new int[n];
        for (int i = 0; i < n; i++) {
            waiting[i] = prerequisites.get(i).size();
        }
        boolean[] done = new boolean[n];
        List<String> result = new ArrayList<>();
        for (int step = 0; step < n; step++) {
            int next = -1;
            for (int i = 0; i < n && next == -1; i++) {
                if (!done[i] && waiting[i] == 0) {
                    next = i;
                }
            }
            if (next == -1) {
                return new ArrayList<>();
            }
            done[next] = true;
            result.add(names.get(next));
            List<Integer> after = dependents.get(next);
            for (int k = 0; k < after.size(); k++) {
                waiting[after.get(k)]--;
            }
        }
        return result;
    }

    /** A cycle along prerequisite links, e.g. "a -> b -> a" (a needs b needs a), or "" if none. */
    public String findCycle() {
        int[] state = new int[names.size()]; // 0 unvisited, 1 on the current path, 2 finished
        int[] parent = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            if (state[i] == 0) {
                String cycle = visit(i, state, parent);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
            }
        }
        return "";
    }

    /** Earliest finish time of a task when any number of tasks may run at once; -1 if unknown or cyclic. */
    public int earliestFinish(String name) {
        int[] finish = finishTimes();
        Integer id = ids.get(name);
        if (finish == null || id == null) {
            return -1;
        }
        return finish[id];
    }

    /** Time until every task has finished; -1 on a cycle. */
    public int makespan() {
        int[] finish = finishTimes();
        if (finish == null) {
            return -1;
        }
        int latest = 0;
        for (int i = 0; i < finish.length; i++) {
            latest = Math.max(latest, finish[i]);
        }
        return latest;
    }

    /** Tasks not in done whose prerequisites are all in done, in the order they were added. */
    public List<String> readyAfter(Set<String> done) {
        List<String> ready = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (done.contains(names.get(i))) {
                continue;
            }
            boolean ok = true;
            List<Integer> needs = prerequisites.get(i);
            for (int k = 0; k < needs.size() && ok; k++) {
                ok = done.contains(names.get(needs.get(k)));
            }
            if (ok) {
                ready.add(names.get(i));
            }
        }
        return ready;
    }

    private int[] finishTimes() {
        List<String> order = order();
        if (order.size() != names.size()) {
            return null;
        }
        int[] finish = new int[names.size()];
        for (int k = 0; k < order.size(); k++) {
            int task = ids.get(order.get(k));
            int start = 0;
            List<Integer> needs = prerequisites.get(task);
            for (int j = 0; j < needs.size(); j++) {
                start = Math.max(start, finish[needs.get(j)]);
            }
            finish[task] = start + durations.get(task);
        }
        return finish;
    }

    private String visit(int u, int[] state, int[] parent) {
        state[u] = 1;
        List<Integer> needs = prerequisites.get(u);
        for (int k = 0; k < needs.size(); k++) {
            int v = needs.get(k);
            if (state[v] == 1) {
                return describeCycle(u, v, parent);
            }
            if (state[v] == 0) {
                parent[v] = u;
                String cycle = visit(v, state, parent);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
            }
        }
        state[u] = 2;
        return "";
    }

    private String describeCycle(int last, int first, int[] parent) {
        List<Integer> chain = new ArrayList<>();
        for (int x = last; x != first; x = parent[x]) {
            chain.add(x);
        }
        String text = names.get(first);
        for (int i = chain.size() - 1; i >= 0; i--) {
            text += " -> " + names.get(chain.get(i));
        }
        return text + " -> " + names.get(first);
    }
}
