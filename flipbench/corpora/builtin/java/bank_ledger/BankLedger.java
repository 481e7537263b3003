import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class BankLedger {
    static final class Account {
        final String owner;
        long balance;
        final List<String> history = new ArrayList<>();

        Account(String owner, long balance) {
            this.owner = owner;
            this.balance = balance;
        }
    }

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final long overdraftLimit;

    public BankLedger(long overdraftLimit) {
        this.overdraftLimit = overdraftLimit;
    }

    public boolean open(String owner, long initialCents) {
        if (owner == null || owner.isEmpty() || accounts.containsKey(owner)) {
            return false;
        }
        if (initialCents < 0) {
            return false;
        }
        accounts.put(owner, new Account(owner, initialCents));
        return true;
    }

    public long balance(String owner) {
        Account account = find(owner);
        return account == null ? 0 : account.balance;
    }

    public boolean deposit(String owner, long cents) {
        Account account = find(owner);
        if (account == null || cents <= 0) {
            return false;
        }
        account.balance += cents;
        account.history.add("deposit " + cents);
        return true;
    }

    public boolean withdraw(String owner, long cents) {
        Account account = find(owner);
        if (account == null || cents <= 0) {
            return false;
        }
        if (!canCover(account, cents)) {
            return false;
        }
        account.balance = account.balance - cents;
        account.history.add("withdraw " + cents);
        return true;
    }

    public boolean transfer(String from, String to, long cents) {
        if (from.equals(to)) {
            return false;
        }
        Account source = find(from);
        Account target = find(to);
        if (source == null || target == null) {
            return false;
        }
        if (cents <= 0 || !canCover(source, cents)) {
            return false;
        }
        source.balance -= cents;
        target.balance += cents;
        source.history.add("transfer out " + cents);
        target.history.add("transfer in " + cents);
        return true;
    }

    public long total() {
        long sum = 0;
        for (Account account : accounts.values()) {
            sum += account.balance;
        }
        return sum;
    }

    /** Applies monthly interest (basis points per month) to positive balances; returns the interest paid. */
    public long applyInterest(int basisPoints) {
        long paid = 0;
        List<Account> all = new ArrayList<>(accounts.values());
        for (int i = 0; i < all.size(); i++) {
            Account account = all.get(i);
            if (account.balance > 0 && basisPoints > 0) {
                long interest = account.balance * basisPoints / 10000;
                account.balance += interest;
                paid = paid + interest;
            }
        }
        return paid;
    }

    public List<String> history(String owner) {
        Account account = find(owner);
        return account == null ? List.of() : List.copyOf(account.history);
    }

    public String richest() {
        String best = null;
        long bestBalance = Long.MIN_VALUE;
        for (Account account : accounts.values()) {
            if (account.balance > bestBalance) {
                bestBalance = account.balance;
                best = account.owner;
            }
        }
        return best;
    }

    private boolean canCover(Account account, long cents) {
        return account.balance - cents >= -overdraftLimit;
    }

    private Account find(String owner) {
        return accounts.get(owner);
    }
}
