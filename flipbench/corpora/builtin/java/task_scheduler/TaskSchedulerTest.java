import java.util.List;
import java.util.Objects;
import java.util.Set;

public class TaskSchedulerTest {
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

    private static TaskScheduler project() {
        TaskScheduler scheduler = new TaskScheduler();
        scheduler.addTask("design", 3);
        scheduler.addTask("build", 5);
        scheduler.addTask("docs", 2);
        scheduler.addTask("test", 4);
        scheduler.addTask("release", 1);
        scheduler.addTask("logo", 6);
        scheduler.addDependency("build", "design");
        scheduler.addDependency("docs", "design");
        scheduler.addDependency("test", "build");
        scheduler.addDependency("release", "test");
        scheduler.addDependency("release", "docs");
        return scheduler;
    }

    static void testAddTaskAndDependencyValidation() {
        TaskScheduler scheduler = new TaskScheduler();
        check(scheduler.addTask("a", 0), "zero duration is fine");
        check(scheduler.addTask("b", 2), "second task");
        check(!scheduler.addTask("a", 1), "duplicate name");
        check(!scheduler.addTask("c", -1), "negative duration");
        check(scheduler.addDependency("b", "a"), "b needs a");
        check(!scheduler.addDependency("b", "a"), "duplicate dependency");
        check(!scheduler.addDependency("a", "a"), "self dependency");
        check(!scheduler.addDependency("a", "zzz"), "unknown prerequisite");
        check(!scheduler.addDependency("zzz", "a"), "unknown task");
        checkEquals(List.of("a", "b"), scheduler.order());
        checkEquals(2, scheduler.makespan());
    }

    static void testOrderPrefersEarliestAddedReadyTask() {
        checkEquals(List.of("design", "build", "docs", "test", "release", "logo"), project().order());
        TaskScheduler scheduler = new TaskScheduler();
        scheduler.addTask("c", 1);
        scheduler.addTask("a", 1);
        scheduler.addTask("b", 1);
        scheduler.addDependency("c", "b");
        checkEquals(List.of("a", "b", "c"), scheduler.order());
        checkEquals(List.of(), new TaskScheduler().order());
    }

    static void testEarliestFinishAndMakespan() {
        TaskScheduler scheduler = project();
        checkEquals(3, scheduler.earliestFinish("design"));
        checkEquals(8, scheduler.earliestFinish("build"));
        checkEquals(5, scheduler.earliestFinish("docs"));
        checkEquals(12, scheduler.earliestFinish("test"));
        checkEquals(13, scheduler.earliestFinish("release"));
        checkEquals(6, scheduler.earliestFinish("logo"));
        checkEquals(-1, scheduler.earliestFinish("nope"));
        checkEquals(13, scheduler.makespan());
        scheduler.addTask("audit", 15);
        scheduler.addDependency("release", "audit");
        checkEquals(15, scheduler.earliestFinish("audit"));
        checkEquals(16, scheduler.earliestFinish("release"));
        checkEquals(16, scheduler.makespan());
        checkEquals(0, new TaskScheduler().makespan());
        TaskScheduler twoTasks = new TaskScheduler();
        twoTasks.addTask("long", 9);
        twoTasks.addTask("short", 2);
        checkEquals(9, twoTasks.makespan());
    }

    static void testCycleBlocksOrderingAndTimes() {
        TaskScheduler scheduler = new TaskScheduler();
        scheduler.addTask("a", 1);
        scheduler.addTask("b", 1);
        scheduler.addTask("c", 1);
        scheduler.addTask("d", 1);
        scheduler.addDependency("a", "b");
        scheduler.addDependency("b", "c");
        scheduler.addDependency("c", "a");
        scheduler.addDependency("d", "a");
        checkEquals(List.of(), scheduler.order());
        checkEquals("a -> b -> c -> a", scheduler.findCycle());
        checkEquals(-1, scheduler.makespan());
        checkEquals(-1, scheduler.earliestFinish("d"));
    }

    static void testFindCycleReportsOnlyTheLoop() {
        TaskScheduler scheduler = new TaskScheduler();
        scheduler.addTask("p", 1);
        scheduler.addTask("q", 1);
        scheduler.addTask("r", 1);
        scheduler.addTask("s", 1);
        scheduler.addDependency("p", "q");
        scheduler.addDependency("q", "r");
        scheduler.addDependency("r", "s");
        scheduler.addDependency("s", "q");
        checkEquals("q -> r -> s -> q", scheduler.findCycle());
        TaskScheduler pair = new TaskScheduler();
        pair.addTask("x", 1);
        pair.addTask("y", 1);
        pair.addTask("z", 1);
        pair.addDependency("y", "z");
        pair.addDependency("z", "y");
        checkEquals("y -> z -> y", pair.findCycle());
        checkEquals(List.of(), pair.order());
    }

    static void testNoCycleInDiamond() {
        TaskScheduler scheduler = project();
        checkEquals("", scheduler.findCycle());
        checkEquals("", new TaskScheduler().findCycle());
        TaskScheduler fork = new TaskScheduler();
        fork.addTask("a", 1);
        fork.addTask("b", 1);
        fork.addTask("c", 1);
        fork.addTask("d", 1);
        fork.addDependency("a", "b");
        fork.addDependency("a", "c");
        fork.addDependency("d", "a");
        checkEquals("", fork.findCycle());
        checkEquals(List.of("b", "c", "a", "d"), fork.order());
        scheduler.addDependency("design", "release");
        checkEquals("design -> release -> test -> build -> design", scheduler.findCycle());
    }

    static void testReadyAfter() {
        TaskScheduler scheduler = project();
        checkEquals(List.of("design", "logo"), scheduler.readyAfter(Set.of()));
        checkEquals(List.of("build", "docs", "logo"), scheduler.readyAfter(Set.of("design")));
        checkEquals(List.of("docs", "logo"), scheduler.readyAfter(Set.of("design", "build", "test")));
        checkEquals(List.of("release"), scheduler.readyAfter(Set.of("design", "build", "docs", "test", "logo")));
        checkEquals(List.of(), scheduler.readyAfter(Set.of("design", "build", "docs", "test", "release", "logo")));
    }
}
