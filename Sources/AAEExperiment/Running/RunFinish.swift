import AAECore
import AAEReport
import Foundation

/// What a completed run writes after its last step: eval.csv (when the report asks for
/// it), the export for Python, then the figures. The phases honour the stop request —
/// the evaluation between metrics, the export and each figure before they start — so a
/// signal after training ends the run `interrupted` within moments; its final checkpoint
/// is already written, and `aae-run resume` then evaluates and draws again from it.
struct RunFinish {
    /// What the phases wrote.
    struct Written {
        /// The evaluation (see `write`).
        var evaluation: [Metric] = []
        /// The figures drawn, in the order `RunFigures.writeAll` draws them.
        var figures: [URL] = []
    }

    let experiment: Experiment
    let evaluator: RunEvaluator
    let stop: StopRequest?

    /// Writes eval.csv, the export (see `RunExport`; `configuration` and `step` are the
    /// run's) and the figures of `model` into `directory`, and returns the figures and the
    /// evaluation: empty when the report has none, or when stopped before it was done
    /// (eval.csv is then not written). `computed` is an evaluation of this very model
    /// made at the last step, reused as it is.
    func write(model: TrainableModel, test: LabeledImages, metrics: CSVTable, directory: URL, configuration: String,
               step: Int, computed: [Metric]?) throws -> Written {
        var written = Written()
        if experiment.report.evaluation {
            guard let computed = computed ?? evaluator.evaluate(model, stop: stop) else { return written }
            written.evaluation = computed
            try RunEvaluator.write(computed, to: RunFolderLayout(directory).evaluation)
        }
        if stop?.isRequested ?? false { return written }
        try RunExport.write(model: model, evaluator: evaluator, configuration: configuration, step: step, in: directory)
        var figureRandom = RandomGenerator(seed: experiment.seed, stream: RandomStreams.figures)
        written.figures = try RunFigures.writeAll(
            model: model, test: test, scale: experiment.data.scale, metrics: metrics, directory: directory,
            title: experiment.name, random: &figureRandom,
            figures: RunFigures.figures(for: experiment.model.definition), plots: Set(experiment.report.plots),
            options: FigureOptions(report: experiment.report, seed: experiment.seed,
                                   shouldStop: { stop?.isRequested ?? false }))
        return written
    }
}
