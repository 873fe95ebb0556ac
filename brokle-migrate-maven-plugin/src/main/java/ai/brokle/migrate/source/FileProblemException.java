package ai.brokle.migrate.source;

/** Raised while reading one migration file; carries the problem so the directory scan can collect it. */
final class FileProblemException extends IllegalArgumentException {

    private final transient SourceProblem problem;

    FileProblemException(SourceProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    SourceProblem problem() {
        return problem;
    }
}
