import Foundation

/// Every file and folder of a run folder, by what it holds: the one place their names are
/// written, for the code that writes a run (the runner, `eval`, `export`, sweeps) and the
/// code that reads one (a sweep's summary, `diff`, `index`, `table`).
///
/// The figures' files are named here too (each figure type takes its `fileName` from
/// these), so that the index, which does not draw them, knows them as well.
public struct RunFolderLayout: Sendable, Equatable {
    /// The metrics of every log step.
    public static let metricsFileName = "metrics.csv"
    /// The evaluation of the finished run.
    public static let evaluationFileName = "eval.csv"
    /// The experiment as the run read it, every default filled in.
    public static let configurationFileName = "config.resolved.yaml"
    /// The state a resumed run continues from.
    public static let checkpointFileName = "checkpoint.bin"
    /// How the run ended.
    public static let statusFileName = "status.csv"
    /// What the run was computed with: version, threads, BLAS library and kernel.
    public static let environmentFileName = "environment.csv"
    /// The lock a process holds while it writes the folder (a sweep's folder has one too).
    public static let lockFileName = ".aae-run.lock"
    /// The folder of the TensorBoard event file.
    public static let tensorBoardFolderName = TensorBoardLog.folderName
    /// The figures drawn during training (`report.snapshot_every`).
    public static let snapshotsFolderName = "snapshots"
    /// The contact sheet of the latent snapshots.
    public static let snapshotSheetFileName = "latent_evolution.png"
    /// Every parameter by name, for Python.
    public static let weightsFileName = "weights.safetensors"
    /// The held-out codes and their labels, for Python.
    public static let codesFileName = "codes.npy"
    public static let labelsFileName = "labels.npy"
    /// The training examples a semi-supervised model learnt labels from: their indices and labels.
    public static let labelledExamplesFileName = "labelled.csv"
    /// The figures of a finished run.
    public static let lossesFigureFileName = "losses.png"
    public static let latentScatterFigureFileName = "latent_scatter.png"
    public static let manifoldFigureFileName = "manifold.png"
    public static let reconstructionsFigureFileName = "reconstructions.png"
    public static let samplesFigureFileName = "samples.png"
    public static let styleFigureFileName = "style.png"

    /// The run folder.
    public let directory: URL

    public init(_ directory: URL) {
        self.directory = directory
    }

    public var metrics: URL { file(Self.metricsFileName) }
    public var evaluation: URL { file(Self.evaluationFileName) }
    public var configuration: URL { file(Self.configurationFileName) }
    public var checkpoint: URL { file(Self.checkpointFileName) }
    public var status: URL { file(Self.statusFileName) }
    public var environment: URL { file(Self.environmentFileName) }
    public var lock: URL { file(Self.lockFileName) }
    public var tensorBoard: URL { directory.appendingPathComponent(Self.tensorBoardFolderName, isDirectory: true) }
    public var snapshots: URL { directory.appendingPathComponent(Self.snapshotsFolderName, isDirectory: true) }
    public var snapshotSheet: URL { file(Self.snapshotSheetFileName) }
    public var weights: URL { file(Self.weightsFileName) }
    public var codes: URL { file(Self.codesFileName) }
    public var labels: URL { file(Self.labelsFileName) }
    public var labelledExamples: URL { file(Self.labelledExamplesFileName) }

    /// The file `name` of the folder (a figure's, say).
    public func file(_ name: String) -> URL {
        directory.appendingPathComponent(name)
    }
}
