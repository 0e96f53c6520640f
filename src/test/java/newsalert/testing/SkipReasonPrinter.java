package newsalert.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test was skipped (a failed assumption, such as the shared corpus being absent) on the
 * console, where Maven's summary would otherwise only count it. Registered through
 * {@code META-INF/services}.
 */
public final class SkipReasonPrinter implements TestExecutionListener {
    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String why = result.getThrowable().map(Throwable::getMessage).orElse("no reason given");
            System.err.println("SKIPPED " + id.getDisplayName() + ": " + why);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        System.err.println("SKIPPED " + id.getDisplayName() + ": " + reason);
    }
}
