import AAECore
import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// weights.safetensors, codes.npy and labels.npy of a finished run: what the
/// run holds, under the documented names; the same bytes again from the
/// checkpoint (`aae-run export`); refused for a folder without a final
/// checkpoint; and readable by the safetensors and numpy packages, whose
/// decoder in numpy gives eval.csv's held-out MSE.
final class RunExportTests: XCTestCase {
    private static let decoderLayers = "dense 32, leaky_relu 0.2, dense input, sigmoid"
    private let text = """
        name: export
        seed: 7
        data: {dataset: mnist, scale: [0, 1], train_size: 2000, test_size: 300}
        model:
          kind: aae
          latent_dim: 3
          encoder: [dense 32, batch_norm, leaky_relu 0.2, dense latent]
          decoder: [\(RunExportTests.decoderLayers)]
          discriminator: [dense 16, relu, dense 1, sigmoid]
        loss: {reconstruction: mse, weights: {reconstruction: 0.999, adversarial: 0.001}}
        optimizer: {kind: adam, lr: 0.002, beta1: 0.5}
        training: {steps: 60, batch_size: 32, log_every: 30}
        eval: {parzen_samples: 0}

        """

    private func experiment(_ overrides: [String] = []) throws -> Experiment {
        try ExperimentReader.parse(Data(text.utf8), file: "export.yaml", overrides: overrides.map(Override.init(parsing:)))
    }

    private func runner(_ experiment: Experiment, in directory: URL, stopAfterStep: Int? = nil) -> ExperimentRunner {
        ExperimentRunner(experiment: experiment, options: RunOptions(
            outputDirectory: directory.path, dataDirectory: SweepWorkspace.dataDirectory.path, quiet: true,
            stopAfterStep: stopAfterStep))
    }

    private let fileNames = [RunExport.weightsFileName, RunExport.codesFileName, RunExport.labelsFileName]

    private func files(in directory: URL) throws -> [Data] {
        try fileNames.map { try Data(contentsOf: directory.appendingPathComponent($0)) }
    }

    /// The model of a finished run, rebuilt and restored from its checkpoint.
    private func trainedModel(_ experiment: Experiment, in directory: URL) throws -> TrainableModel {
        let model = ModelBuilder.model(experiment, inputFeatures: 784, seed: experiment.seed)
        try model.restore(XCTUnwrap(RunCheckpointFile.load(in: directory)).model)
        return model
    }

    private func heldOut(_ experiment: Experiment) throws -> LabeledImages {
        try ExperimentData.load(experiment.data, seed: experiment.seed,
                                dataDirectory: SweepWorkspace.dataDirectory.path).test
    }

    func testAFinishedRunExportsEveryTensorItsCodesAndLabels() throws {
        let workspace = try SweepWorkspace()
        let experiment = try experiment()
        XCTAssertEqual(try runner(experiment, in: workspace.url).run().status, .completed)
        let model = try trainedModel(experiment, in: workspace.url)
        let bytes = try files(in: workspace.url)

        let weights = try SafetensorsFile(decoding: [UInt8](bytes[0]))
        let expected = model.namedTensors
        XCTAssertEqual(weights.entries.map(\.name), expected.map(\.name).sorted())
        XCTAssertTrue(weights.entries.map(\.name).contains("encoder.batch_normalization_1.running_var"))
        XCTAssertEqual(weights["decoder.dense_2.weight"]?.shape, [32, 784])
        XCTAssertEqual(weights["discriminator.dense_1.weight"]?.shape, [3, 16])
        for tensor in expected {
            XCTAssertEqual(weights[tensor.name], SafetensorsFile.Entry(name: tensor.name, shape: tensor.shape,
                                                                       values: tensor.values), tensor.name)
        }
        let configuration = try String(contentsOf: workspace.url.appendingPathComponent("config.resolved.yaml"),
                                       encoding: .utf8)
        XCTAssertEqual(weights.metadata["config"], configuration)
        XCTAssertEqual(weights.metadata["step"], "60")

        let test = try heldOut(experiment)
        let codes = try NumpyArrayFile(decoding: [UInt8](bytes[1]))
        XCTAssertEqual(codes.shape, [300, 3])
        XCTAssertEqual(codes.floats, test.pixels.withUnsafeBufferPointer { model.encode($0.baseAddress!, count: 300) })
        let labels = try NumpyArrayFile(decoding: [UInt8](bytes[2]))
        XCTAssertEqual(labels.shape, [300])
        XCTAssertEqual(labels.int32s, test.labels)
    }

    func testExportWritesTheSameBytesAgainFromTheCheckpointAndTheSameSeedDoesToo() throws {
        let workspace = try SweepWorkspace()
        let first = workspace.url.appendingPathComponent("first"), second = workspace.url.appendingPathComponent("second")
        _ = try runner(experiment(), in: first).run()
        _ = try runner(experiment(), in: second).run()
        let written = try files(in: first)
        XCTAssertEqual(try files(in: second), written)

        for name in fileNames { try FileManager.default.removeItem(at: first.appendingPathComponent(name)) }
        let urls = try runner(experiment(), in: first).export()
        XCTAssertEqual(urls.map(\.lastPathComponent), fileNames)
        XCTAssertEqual(try files(in: first), written)

        let otherSeed = workspace.url.appendingPathComponent("other")
        _ = try runner(experiment(["seed=8"]), in: otherSeed).run()
        XCTAssertNotEqual(try files(in: otherSeed)[0], written[0])
    }

    func testExportRefusesAFolderWithoutAFinalCheckpointAndWritesNothing() throws {
        let workspace = try SweepWorkspace()
        try AtomicFile.write(resolvedYAML(experiment()), to: workspace.url.appendingPathComponent("config.resolved.yaml"))
        XCTAssertThrowsError(try runner(experiment(), in: workspace.url).export()) { error in
            XCTAssertEqual("\(error)", "\(workspace.url.path) has no checkpoint.bin: only runs that ended can be exported")
        }
        let stopped = workspace.url.appendingPathComponent("stopped")
        _ = try runner(experiment(), in: stopped, stopAfterStep: 20).run()
        XCTAssertThrowsError(try runner(experiment(), in: stopped).export()) { error in
            XCTAssertTrue("\(error)".contains("at step 20 of 60: the run has not finished"), "\(error)")
        }
        for directory in [workspace.url, stopped] {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            XCTAssertTrue(Set(names).isDisjoint(with: fileNames), "\(names)")
        }
        let finished = workspace.url.appendingPathComponent("finished")
        _ = try runner(experiment(), in: finished).run()
        for name in fileNames { try FileManager.default.removeItem(at: finished.appendingPathComponent(name)) }
        XCTAssertThrowsError(try runner(experiment(["optimizer.lr=0.01"]), in: finished).export()) { error in
            XCTAssertTrue("\(error)".contains("was trained with other settings"), "\(error)")
        }
        XCTAssertTrue(Set(try FileManager.default.contentsOfDirectory(atPath: finished.path)).isDisjoint(with: fileNames))
    }

    func testEveryModelKindNamesEachParameterAndStateBufferOnce() throws {
        let models = [
            "kind: aae\n  schedule: phased\n  posterior: universal\n  noise_dim: 2\n"
                + "  encoder: [dense 8, batch_norm, relu, dense latent]\n  discriminator: [dense 4, relu, dense 1, sigmoid]",
            "kind: vae\n  encoder: [dense 8, batch_norm, relu]",
            "kind: autoencoder\n  encoder: [dense 8, relu, dense latent, batch_norm]",
            """
            kind: vae
              encoder:
                nodes:
                  h: {inputs: [input], layers: [dense 8, relu]}
                  z_mean: {inputs: [h], layers: [dense latent]}
                  z_log_var: {inputs: [h], layers: [dense latent]}
                output: {z_mean: z_mean, z_log_var: z_log_var}
            """,
        ]
        for spec in models {
            let file = """
                name: kinds
                seed: 3
                model:
                  \(spec)
                  latent_dim: 2
                  decoder: [dense 8, batch_norm, relu, dense input, sigmoid]

                """
            let experiment = try ExperimentReader.parse(Data(file.utf8), file: "kinds.yaml")
            let model = ModelBuilder.model(experiment, inputFeatures: 784, seed: 3)
            let tensors = model.namedTensors
            let state = model.checkpointState
            XCTAssertEqual(Set(tensors.map(\.name)).count, tensors.count, spec)
            XCTAssertEqual(tensors.count, state.parameters.count + state.buffers.count, spec)
            let exported = Set(tensors.map(\.values))
            for values in state.parameters + state.buffers { XCTAssertTrue(exported.contains(values), spec) }
            XCTAssertTrue(tensors.allSatisfy { $0.name.split(separator: ".").count >= 3 }, "\(tensors.map(\.name))")
        }
    }

    /// The files read by the safetensors and numpy packages themselves: names,
    /// shapes and values as the run holds them, .npy bytes as numpy.save writes
    /// them, and the held-out MSE of the exported decoder on codes.npy, computed in
    /// numpy (dense layers, leaky_relu and sigmoid), equal to eval.csv's.
    func testPythonReadsTheFilesAndItsNumpyDecoderGivesTheHeldOutMSE() throws {
        let python = PythonEnvironment.interpreter(importing: ["numpy", "safetensors"])
        guard let interpreter = python.url else {
            print("RunExportTests: skipped: \(python.reason)")
            throw XCTSkip(python.reason)
        }
        let workspace = try SweepWorkspace()
        let run = workspace.url.appendingPathComponent("run")
        let experiment = try experiment()
        _ = try runner(experiment, in: run).run()
        let test = try heldOut(experiment)
        let inputs = workspace.url.appendingPathComponent("inputs.npy")
        try NumpyArrayFile(test.pixels, shape: [test.count, 784]).write(to: inputs)
        let script = Repository.root.appendingPathComponent("scripts/check-export.py").path
        let result = try PythonEnvironment.run(interpreter, [script, run.path, inputs.path, Self.decoderLayers])
        XCTAssertEqual(result.status, 0, result.error)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])

        let model = try trainedModel(experiment, in: run)
        let tensors = try XCTUnwrap(report["tensors"] as? [String: [String: Any]])
        XCTAssertEqual(Set(tensors.keys), Set(model.namedTensors.map(\.name)))
        for tensor in model.namedTensors {
            let read = try XCTUnwrap(tensors[tensor.name], tensor.name)
            XCTAssertEqual(read["dtype"] as? String, "float32")
            XCTAssertEqual(read["shape"] as? [Int], tensor.shape, tensor.name)
            XCTAssertEqual((read["first"] as? Double).map(Float.init), tensor.values.first, tensor.name)
            XCTAssertEqual((read["last"] as? Double).map(Float.init), tensor.values.last, tensor.name)
            let sum = tensor.values.reduce(0) { $0 + Double($1) }
            XCTAssertEqual(try XCTUnwrap(read["sum"] as? Double), sum, accuracy: 1e-9 * max(1, abs(sum)), tensor.name)
        }
        let metadata = try XCTUnwrap(report["metadata"] as? [String: String])
        XCTAssertEqual(metadata["config"], resolvedYAML(experiment))
        let codes = try XCTUnwrap(report["codes"] as? [String: Any])
        XCTAssertEqual(codes["dtype"] as? String, "float32")
        XCTAssertEqual(codes["shape"] as? [Int], [300, 3])
        let labels = try XCTUnwrap(report["labels"] as? [String: Any])
        XCTAssertEqual(labels["dtype"] as? String, "int32")
        XCTAssertEqual(labels["values"] as? [Int], test.labels.map(Int.init))
        XCTAssertEqual(report["npy_same_as_numpy_save"] as? Bool, true)

        let eval = try CSVTable.read(from: run.appendingPathComponent("eval.csv"))
        let evalMSE = try XCTUnwrap(eval.rows.first { $0[0] == "heldout_recon_mse" }.flatMap { Double($0[1]) })
        let numpyMSE = try XCTUnwrap(report["heldout_recon_mse"] as? Double)
        print("RunExportTests: held-out MSE eval.csv \(evalMSE), numpy \(numpyMSE)")
        XCTAssertEqual(numpyMSE, evalMSE, accuracy: 1e-5 * evalMSE)
    }
}
