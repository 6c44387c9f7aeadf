package dev.agentry.core.sequencing;

import jakarta.ejb.EJBException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.function.IntSupplier;

/**
 * Works off a backlog of committed rows (audit records to chain, changes to place) in constant-size
 * transactions of its own: each step handles at most one batch and commits, and steps repeat while
 * they come back full. A burst leaves a backlog that costs the same per row as a trickle.
 */
public final class CommittedBacklog {

    private CommittedBacklog() {}

    /** Runs {@code step} (which returns how many rows it handled) until it handles fewer than {@code batch}. */
    public static int workOff(UserTransaction tx, int batch, IntSupplier step) {
        int handled = 0;
        int last;
        do {
            last = once(tx, step);
            handled += last;
        } while (last == batch);
        return handled;
    }

    private static int once(UserTransaction tx, IntSupplier step) {
        try {
            tx.begin();
            int handled = step.getAsInt();
            tx.commit();
            return handled;
        } catch (Exception e) {
            rollback(tx);
            throw e instanceof RuntimeException r ? r : new EJBException(e);
        }
    }

    private static void rollback(UserTransaction tx) {
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (SystemException | IllegalStateException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
