package lambdalab.course.exercises.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.exercises.ExerciseChecks;
import lambdalab.course.exercises.Exercises;
import lambdalab.course.exercises.MissingSolutionException;
import lambdalab.course.exercises.WrongAnswer;
import org.junit.jupiter.api.Test;

/** Exercise 11.restart-source: the solution passes, each usual mistake fails with its diagnosis. */
class RestartChoiceCheckTest {

    @Test
    void theSolutionPassesAndAMissingOneFallsBackToIt() {
        assertThat(ExerciseChecks.run(Exercises.RESTART_SOURCE, new RestartChoiceSolution(), "ide"))
                .startsWith("solved: ");
        assertThat(ExerciseChecks.run(Exercises.RESTART_SOURCE, facts -> {
            throw new MissingSolutionException();
        }, "ide")).startsWith("not attempted yet: the reference solution ran");
    }

    @Test
    void alwaysTheCheckpointWhenThereIsOneIsNamed() {
        assertWrong(facts -> facts.checkpointExists() ? RestartSource.CHECKPOINT : RestartSource.VIEWS,
                "a checkpoint fixes the settings it was written with");
    }

    @Test
    void ignoringTheAgeIsNamed() {
        assertWrong(facts -> !facts.checkpointExists() || facts.settingsChanged() || facts.behindTheCommit()
                ? RestartSource.VIEWS : RestartSource.CHECKPOINT, "one batch per missed interval");
    }

    @Test
    void theLimitExcludedIsNamed() {
        assertWrong(facts -> !facts.checkpointExists() || facts.settingsChanged() || facts.behindTheCommit()
                        || facts.missedBatches() >= facts.maxMissedBatches() ? RestartSource.VIEWS
                        : RestartSource.CHECKPOINT, "only more than the limit sets it aside");
    }

    @Test
    void ignoringALaggingCheckpointIsNamed() {
        assertWrong(facts -> !facts.checkpointExists() || facts.settingsChanged()
                        || facts.missedBatches() > facts.maxMissedBatches() ? RestartSource.VIEWS
                        : RestartSource.CHECKPOINT, "behind the commit would replay batches");
    }

    @Test
    void rebuildingFromTheViewsDuringAReplayIsNamed() {
        assertWrong(facts -> !facts.checkpointExists() || facts.settingsChanged() || facts.behindTheCommit()
                        || facts.missedBatches() > facts.maxMissedBatches() ? RestartSource.VIEWS
                        : RestartSource.CHECKPOINT, "only the checkpoint can bring them back exactly");
    }

    @Test
    void startingAnywayWhenNeitherSourceIsExactIsNamed() {
        RestartChoice noRefusal = facts -> {
            RestartSource reference = new RestartChoiceSolution().choose(facts);
            return reference == RestartSource.REFUSE ? RestartSource.VIEWS : reference;
        };
        assertWrong(noRefusal, "must refuse to start");
    }

    private static void assertWrong(RestartChoice attempt, String diagnosis) {
        assertThatThrownBy(() -> ExerciseChecks.run(Exercises.RESTART_SOURCE, attempt, "ide"))
                .isInstanceOf(WrongAnswer.class).hasMessageContaining(diagnosis);
    }
}
