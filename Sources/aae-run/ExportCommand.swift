import AAEExperiment
import AAEReport
import ArgumentParser
import Foundation

/// `aae-run export RUN_DIR`: writes a finished run's weights and codes for Python again.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a finished run's weights.safetensors, codes.npy and labels.npy from its final checkpoint.",
        discussion: """
            Rebuilds the model from RUN_DIR/config.resolved.yaml, restores RUN_DIR/checkpoint.bin (written \
            when a run ends) and writes, as every finished run does: weights.safetensors (every parameter and \
            batch-norm statistic by name, e.g. encoder.dense_1.weight, float32, dense weights [in, out]; the \
            configuration under the metadata key `config`), codes.npy (the held-out codes the evaluation \
            reads, float32 [examples, latent]) and labels.npy (their labels, int32). Reads the run's data \
            to encode the held-out examples.
            """)

    @Argument(help: ArgumentHelp("The folder of a finished run.", valueName: "RUN_DIR"))
    var directory: String

    @Option(name: .customLong("data-dir"), help: "Where datasets are (default: $AAE_DATA_DIR, else ./data).")
    var dataDirectory: String?

    func run() throws {
        try CommandLineFailure.reporting {
            let config = RunFolderLayout(URL(fileURLWithPath: directory)).configuration.path
            let experiment = try ExperimentReader.load(path: config)
            let runner = ExperimentRunner(experiment: experiment,
                                          options: RunOptions(outputDirectory: directory, dataDirectory: dataDirectory))
            for file in try runner.export() { print("wrote \(file.path)") }
        }
    }
}
