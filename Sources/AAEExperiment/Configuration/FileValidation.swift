import AAECore
import AAEReport
import Foundation

/// The outcome of checking one experiment file without training: the summary
/// of its networks when it is valid, every diagnostic when it is not. A sweep
/// file is valid when every run it expands to is (the same check as `aae-run
/// sweep --dry-run`).
///
/// `aae-run validate` prints one per file; the logic lives here so that it is
/// tested without the command line.
public struct FileValidation: Sendable {
    public let file: String
    /// The built networks' summary; nil when the file is invalid.
    public let summary: ExperimentSummary?
    /// Every problem found, in reading order; empty when the file is valid.
    public let diagnostics: [ConfigDiagnostic]
    /// How many runs the file's sweep expands to; nil for a single experiment or an invalid file.
    public let sweepRunCount: Int?
    /// The memory a run of the (base) experiment is estimated to need; nil when the file is invalid.
    public let memory: MemoryEstimate?

    public var isValid: Bool { summary != nil }

    /// Reads `path` with `overrides` applied and, when it is valid, builds its
    /// networks. `dataDirectory` is where MNIST is looked for (as a run does),
    /// whose size the batch is checked against from the files' headers.
    public init(path: String, overrides: [Override] = [], dataDirectory: String? = nil) {
        file = path
        do {
            let experiment = try ExperimentReader.load(path: path, overrides: overrides)
            try Self.checkBatchFitsFoundData(experiment, file: path, overrides: overrides, dataDirectory: dataDirectory)
            try Self.checkLabelledSubsetFitsFoundData(experiment, file: path, overrides: overrides,
                                                      dataDirectory: dataDirectory)
            sweepRunCount = experiment.sweep == nil
                ? nil : try SweepPlan.load(path: path, overrides: overrides).runs.count
            summary = ExperimentSummary(experiment: experiment)
            memory = MemoryEstimate(experiment: experiment)
            diagnostics = []
        } catch let errors as ConfigErrors {
            summary = nil
            sweepRunCount = nil
            memory = nil
            diagnostics = errors.diagnostics
        } catch {
            summary = nil
            sweepRunCount = nil
            memory = nil
            diagnostics = [ConfigDiagnostic(file: path, line: 0, column: 0, keyPath: "", message: FileErrorMessage.describe(error))]
        }
    }

    /// The batch-size check of the schema for a data set aae-run finds (MNIST,
    /// Fashion-MNIST), whose training set size (for MNIST 60,000, or 8,000 with
    /// the test set alone) depends on the files found: read from their headers,
    /// without loading them.
    private static func checkBatchFitsFoundData(_ experiment: Experiment, file: String, overrides: [Override],
                                                dataDirectory: String?) throws {
        let data = experiment.data
        guard let dataset = data.fileDataset, data.labels == nil,
              let available = dataset.trainingCount(directory: DataDirectory.resolve(explicit: dataDirectory)) else { return }
        let count = DataSpec.kept(of: available, fraction: data.trainFraction, size: data.trainSize)
        let batchSize = experiment.training.batchSize
        guard batchSize > count else { return }
        throw ConfigErrors([ExperimentReader.diagnostic(
            "a batch of \(batchSize) examples is larger than the training set (\(count) examples of `\(data.dataset)` "
                + "in \(DataDirectory.resolve(explicit: dataDirectory).path))",
            at: "training.batch_size", in: file, overrides: overrides)])
    }

    /// The check a run makes when it draws a categorical AAE's `labels_per_class`, for a data set
    /// aae-run finds: every class of the training set the files give has that many examples (read
    /// from the label file alone).
    private static func checkLabelledSubsetFitsFoundData(_ experiment: Experiment, file: String, overrides: [Override],
                                                         dataDirectory: String?) throws {
        let data = experiment.data
        guard let settings = experiment.model.settings(as: CategoricalAdversarialAutoencoderSettings.self),
              let subset = settings.labelledSubset, let dataset = data.fileDataset, data.labels == nil,
              let labels = dataset.trainingLabels(directory: DataDirectory.resolve(explicit: dataDirectory))
        else { return }
        let count = DataSpec.kept(of: labels.count, fraction: data.trainFraction, size: data.trainSize)
        guard let shortage = subset.shortage(labels: labels.prefix(count).map(Int32.init),
                                             classes: settings.categorical.size) else { return }
        throw ConfigErrors([ExperimentReader.diagnostic(shortage.description, at: "model.labels_per_class", in: file,
                                                        overrides: overrides)])
    }

    /// `Memory: about …`, and whether `run` would refuse it under this machine's default budget.
    private static func memoryText(_ memory: MemoryEstimate) -> String {
        let budget = MemoryBudget.machineDefault
        let verdict = memory.total > budget.bytes
            ? "; more than the budget of \(ByteCount.text(budget.bytes)) (\(budget.origin)): `run` refuses it "
              + "unless --memory-limit allows it"
            : ""
        return "Memory: \(memory.text)\(verdict)\n"
    }

    /// `FILE: valid` and the summary (of the base experiment, for a sweep), or
    /// `FILE: N errors` and the diagnostics.
    public var text: String {
        if let summary {
            let runs = sweepRunCount.map { "sweep: \($0 == 1 ? "1 run" : "\($0) runs"), each valid; the base experiment:\n" }
            return "\(file): valid\n" + (runs ?? "") + summary.text + (memory.map(Self.memoryText) ?? "")
        }
        let count = diagnostics.count == 1 ? "1 error" : "\(diagnostics.count) errors"
        return "\(file): invalid, \(count)\n" + ConfigErrors.lines(diagnostics).map { "\($0)\n" }.joined()
    }
}
