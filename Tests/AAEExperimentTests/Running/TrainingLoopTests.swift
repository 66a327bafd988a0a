import AAECore
import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// The one batch loop: a run trains through it (so aae-bench times what a run trains), and
/// a loop restored from a checkpoint's state trains the steps an uninterrupted one does.
final class TrainingLoopTests: SyntheticMNISTTestCase {
    private let small = """
        name: small
        seed: 5
        data: {dataset: mnist, scale: [-1, 1], test_size: 200}
        model:
          kind: aae
          latent_dim: 2
          encoder: [dense 32, leaky_relu 0.2, dropout 0.1, dense latent]
          decoder: [dense 32, leaky_relu 0.2, dense input, tanh]
          discriminator: [dense 16, leaky_relu 0.2, dense 1, sigmoid]
        optimizer: {kind: adam, lr: 0.001, beta1: 0.5, schedule: {kind: exponential, decay_rate: 0.5, decay_steps: 2}}
        training: {steps: 6, batch_size: 16, log_every: 1}
        """

    private func experiment() throws -> Experiment {
        try ExperimentReader.parse(Data(small.utf8), file: "small.yaml")
    }

    private func loop(_ experiment: Experiment, data: DataSplit) throws -> TrainingLoop {
        let model = ModelBuilder.model(experiment, inputFeatures: data.train.featureCount, seed: experiment.seed)
        return try TrainingLoop(experiment: experiment, model: model, train: data.train,
                            batchSize: experiment.training.batchSize)
    }

    /// The step metrics of `steps` steps of `loop`, formatted as metrics.csv formats them.
    private func cells(_ loop: TrainingLoop, steps: Int) -> [[String]] {
        (0..<steps).map { _ in
            loop.step()
            return loop.stepMetrics.map { CSVFormat.float(Double($0.value)) }
        }
    }

    func testARunLogsTheStepsTheLoopTrains() throws {
        let experiment = try experiment()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("aae-loop-\(UUID().uuidString)")
        outputs.append(output)
        let options = RunOptions(outputDirectory: output.path, dataDirectory: Self.dataDirectory.path, quiet: true)
        XCTAssertEqual(try ExperimentRunner(experiment: experiment, options: options).run().status, .completed)
        let metrics = try CSVTable.read(from: RunFolderLayout(output).metrics)

        let data = try ExperimentData.load(experiment.data, seed: experiment.seed,
                                           dataDirectory: Self.dataDirectory.path)
        let loop = try loop(experiment, data: data)
        let names = loop.model.stepMetrics.names
        XCTAssertEqual(Array(metrics.header[1...names.count]), names)
        XCTAssertEqual(cells(loop, steps: 6), metrics.rows.map { Array($0[1...names.count]) },
                       "with log_every 1 every row is one step of the loop")
        XCTAssertEqual(loop.completedSteps, 6)
    }

    func testALoopRestoredFromItsStateTrainsTheStepsOfOneThatNeverStopped() throws {
        let experiment = try experiment()
        let data = try ExperimentData.load(experiment.data, seed: experiment.seed,
                                           dataDirectory: Self.dataDirectory.path)
        let uninterrupted = cells(try loop(experiment, data: data), steps: 6)

        let first = try loop(experiment, data: data)
        XCTAssertEqual(cells(first, steps: 3), Array(uninterrupted.prefix(3)))
        let resumed = try loop(experiment, data: data)
        try resumed.model.restore(first.model.checkpointState)
        try resumed.restore(completedSteps: first.completedSteps, sampler: first.samplerState)
        XCTAssertEqual(resumed.completedSteps, 3)
        XCTAssertEqual(cells(resumed, steps: 3), Array(uninterrupted.suffix(3)),
                       "the batches, the learning rates and the model continue where they were")
    }
}
