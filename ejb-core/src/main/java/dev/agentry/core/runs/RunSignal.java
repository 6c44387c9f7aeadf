package dev.agentry.core.runs;

import dev.agentry.persistence.runs.RunStatus;

/** What a run's own thread checks between actions: has it ended, or been asked to stop. */
record RunSignal(RunStatus status, boolean cancelRequested) {}
