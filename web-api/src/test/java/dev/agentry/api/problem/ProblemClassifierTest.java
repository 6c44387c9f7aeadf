package dev.agentry.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.agentry.api.request.PayloadTooLargeException;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemClassifierTest {

    @Test
    void theCoresRefusalKeepsItsCodeDetailAndFieldErrors() {
        FieldError error = new FieldError("note", "too_long", "too long");
        AgentryException refusal = AgentryException.validation(List.of(error));

        ProblemClassifier.Classification c = ProblemClassifier.classify(refusal);

        assertEquals(ErrorCode.VALIDATION_FAILED, c.code());
        assertEquals(refusal.detail(), c.detail());
        assertEquals(List.of(error), c.errors());
    }

    @Test
    void aRefusalWrappedByTheContainerIsStillFound() {
        ProblemClassifier.Classification c =
                ProblemClassifier.classify(new EJBException(new AgentryException(ErrorCode.CONFLICT, "already there")));

        assertEquals(ErrorCode.CONFLICT, c.code());
    }

    @Test
    void aRecordChangedByAnotherTransactionIsAConflictNotAnInternalError() {
        ProblemClassifier.Classification c = ProblemClassifier.classify(new EJBException(
                new RuntimeException("could not commit", new OptimisticLockException("row count 0, expected 1"))));

        assertEquals(ErrorCode.CONFLICT, c.code());
        assertFalse(c.detail().contains("row count"), c.detail());
    }

    @Test
    void theJaxRsRuntimesErrorsMapToTheirCodes() {
        assertEquals(
                ErrorCode.NOT_FOUND,
                ProblemClassifier.classify(new NotFoundException()).code());
        assertEquals(
                ErrorCode.METHOD_NOT_ALLOWED,
                ProblemClassifier.classify(new NotAllowedException("GET")).code());
        assertEquals(
                ErrorCode.NOT_ACCEPTABLE,
                ProblemClassifier.classify(new NotAcceptableException()).code());
        assertEquals(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                ProblemClassifier.classify(new NotSupportedException()).code());
        assertEquals(
                ErrorCode.VALIDATION_FAILED,
                ProblemClassifier.classify(new BadRequestException()).code());
    }

    @Test
    void unreadableJsonIsAValidationFailure() {
        ProblemClassifier.Classification c = ProblemClassifier.classify(
                new ProcessingException("RESTEASY008200", new JsonbException("Unexpected char 123 at line 1")));

        assertEquals(ErrorCode.VALIDATION_FAILED, c.code());
        assertFalse(c.detail().contains("123"), "the parser's message is not echoed");
    }

    @Test
    void aBodyCutOffAtTheLimitIsPayloadTooLargeWhateverWrapsIt() {
        ProblemClassifier.Classification c = ProblemClassifier.classify(
                new ProcessingException(new JsonbException("read failed", new PayloadTooLargeException(1024))));

        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, c.code());
    }

    @Test
    void anythingUnexpectedIsInternalWithAFixedDetail() {
        ProblemClassifier.Classification c =
                ProblemClassifier.classify(new IllegalStateException("password=hunter2 at dev.agentry.Secret"));

        assertEquals(ErrorCode.INTERNAL, c.code());
        assertFalse(c.detail().contains("hunter2"));
        assertFalse(c.detail().contains("IllegalStateException"));
    }

    @Test
    void containerStatusesMapToCodes() {
        assertEquals(ErrorCode.NOT_FOUND, ProblemClassifier.forStatus(404).code());
        assertEquals(
                ErrorCode.PAYLOAD_TOO_LARGE, ProblemClassifier.forStatus(413).code());
        assertEquals(
                ErrorCode.VALIDATION_FAILED, ProblemClassifier.forStatus(414).code());
        assertEquals(ErrorCode.INTERNAL, ProblemClassifier.forStatus(502).code());
    }
}
