import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A lending library: books with copies, members with loan limits, due days and late fines. */
public class LibraryCheckout {
    public static final int LOAN_DAYS = 14;
    public static final int MAX_RENEWALS = 2;
    public static final int FINE_PER_DAY = 25; // cents per day late
    public static final int MAX_FINE = 1000; // cap per returned loan, in cents
    public static final int BLOCKING_DEBT = 500; // members owing this much may not borrow

    private static final class Book {
        int total;
        int available;
    }

    private static final class Member {
        final int maxLoans;
        long owed;
        final List<Loan> loans = new ArrayList<>();

        Member(int maxLoans) {
            this.maxLoans = maxLoans;
        }
    }

    private static final class Loan {
        final String isbn;
        int dueDay;
        int renewals;

        Loan(String isbn, int dueDay) {
            this.isbn = isbn;
            this.dueDay = dueDay;
        }
    }

    private final Map<String, Book> books = new LinkedHashMap<>();
    private final Map<String, Member> members = new LinkedHashMap<>();

    /** Adds copies of a book, creating its record on first use. */
    public void addCopies(String isbn, int copies) {
        Book book = books.computeIfAbsent(isbn, key -> new Book());
        book.total += copies;
        book.available += copies;
    }

    public boolean addMember(String id, int maxLoans) {
        if (members.containsKey(id) || maxLoans < 1) {
            return false;
        }
        members.put(id, new Member(maxLoans));
        return true;
    }

    /** Lends a copy due LOAN_DAYS after day; returns "ok" or the reason for refusing. */
    public String checkout(String memberId, String isbn, int day) {
        Member member = members.get(memberId);
        if (member == null) {
            return "unknown member";
        }
        Book book = books.get(isbn);
        if (book == null) {
            return "unknown book";
        }
        if (member.owed >= BLOCKING_DEBT) {
            return "fines owed";
        }
        if (member.loans.size() >= member.maxLoans) {
            return "limit reached";
        }
        if (findLoan(member, isbn) != null) {
            return "already borrowed";
        }
        if (book.available == 0) {
            return "no copies";
        }
        book.available--;
        member.loans.add(new Loan(isbn, day + LOAN_DAYS));
        return "ok";
    }

    /** Ends a loan on day and charges its fine; returns the fine in cents, or -1 without such a loan. */
    public int returnBook(String memberId, String isbn, int day) {
        Member member = members.get(memberId);
        Loan loan = member == null ? null : findLoan(member, isbn);
        if (loan == null) {
            return -1;
        }
        member.loans.remove(loan);
        books.get(isbn).available++;
        int fine = fineFor(loan.dueDay, day);
        member.owed += fine;
        return fine;
    }

    /** Moves the due day LOAN_DAYS later; refused when overdue or after MAX_RENEWALS renewals. */
    public boolean renew(String memberId, String isbn, int day) {
        Member member = members.get(memberId);
        Loan loan = member == null ? null : findLoan(member, isbn);
        if (loan == null || day > loan.dueDay || loan.renewals >= MAX_RENEWALS) {
            return false;
        }
        loan.dueDay += LOAN_DAYS;
        loan.renewals++;
        return true;
    }

    public int dueDay(String memberId, String isbn) {
        Member member = members.get(memberId);
        Loan loan = member == null ? null : findLoan(member, isbn);
        return loan == null ? -1 : loan.dueDay;
    }

    /** Pays towards a member's fines and returns the change that was not needed. */
    public long pay(String memberId, long cents) {
        Member member = members.get(memberId);
        long applied = Math.min(cents, member.owed);
        member.owed -= applied;
        return cents - applied;
    }

    public long owed(String memberId) {
        Member member = members.get(memberId);
        return member == null ? 0 : member.owed;
    }

    public int available(String isbn) {
        Book book = books.get(isbn);
        return book == null ? 0 : book.available;
    }

    /** Copies of a book currently out on loan. */
    public int onLoan(String isbn) {
        Book book = books.get(isbn);
        return book == null ? 0 : book.total - book.available;
    }

    /** Loans overdue on day as "member:isbn:+days", members in joining order, loans in lending order. */
    public List<String> overdue(int day) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, Member> entry : members.entrySet()) {
            List<Loan> loans = entry.getValue().loans;
            for (int i = 0; i < loans.size(); i++) {
                int late = day - loans.get(i).dueDay;
                if (late > 0) {
                    result.add(entry.getKey() + ":" + loans.get(i).isbn + ":+" + late);
                }
            }
        }
        return result;
    }

    /** Fines the member would be charged if every loan were returned on day. */
    public int projectedFines(String memberId, int day) {
        List<Loan> loans = members.get(memberId).loans;
        int total = 0;
        for (int i = 0; i < loans.size(); i++) {
            total += fineFor(loans.get(i).dueDay, day);
        }
        return total;
    }

    private static int fineFor(int dueDay, int day) {
        int late = day - dueDay;
        if (late <= 0) {
            return 0;
        }
        return Math.min(late * FINE_PER_DAY, MAX_FINE);
    }

    private static Loan findLoan(Member member, String isbn) {
        for (int i = 0; i < member.loans.size(); i++) {
            if (member.loans.get(i).isbn.equals(isbn)) {
                return member.loans.get(i);
            }
        }
        return null;
    }
}
