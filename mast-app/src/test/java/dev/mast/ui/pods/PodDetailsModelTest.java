package dev.mast.ui.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mast.cluster.PodDetails;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the pod's details show as an error, decided here rather than by the pane that draws them. */
class PodDetailsModelTest {

    static Stream<Arguments> conditions() {
        return Stream.of(Arguments.of("True", false), Arguments.of("False", true), Arguments.of("Unknown", true));
    }

    @ParameterizedTest(name = "condition {0}: error {1}")
    @MethodSource("conditions")
    void aConditionThatDoesNotHoldIsAnError(String status, boolean error) {
        assertEquals(error, PodDetailsModel.isError(new PodDetails.Condition("Ready", status, "", "", null)));
    }

    static Stream<Arguments> containers() {
        return Stream.of(Arguments.of("running", "", false), Arguments.of("terminated", "Completed", false),
                Arguments.of("waiting", "CrashLoopBackOff", true), Arguments.of("waiting", "ErrImagePull", true),
                Arguments.of("terminated", "Error", true), Arguments.of("terminated", "OOMKilled", true));
    }

    @ParameterizedTest(name = "{0} {1}: error {2}")
    @MethodSource("containers")
    void aContainerWaitingOrStoppedForAReasonOtherThanFinishingIsAnError(String state, String reason, boolean error) {
        var container = new PodDetails.ContainerInfo("kube-apiserver", false, "registry.k8s.io/kube-apiserver:v1.28.4",
                false, 3, state, reason, "", "");
        assertEquals(error, PodDetailsModel.isError(container));
    }
}
