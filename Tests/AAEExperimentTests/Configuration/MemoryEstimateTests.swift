import AAEExperiment
import Foundation
import XCTest

/// The memory estimate made from an experiment file, before anything is built.
final class MemoryEstimateTests: XCTestCase {
    private let base = """
        name: sized
        data: {dataset: blobs, count: 1000, test_count: 100}
        model:
          kind: autoencoder
          latent_dim: 2
          encoder: [dense 64, relu, dense latent]
          decoder: [dense 64, relu, dense input]
        training: {steps: 10, batch_size: 32}

        """

    private func estimate(_ overrides: [String] = []) throws -> MemoryEstimate {
        MemoryEstimate(experiment: try ExperimentReader.parse(Data(base.utf8), file: "sized.yaml",
                                                              overrides: overrides.map(Override.init(parsing:))))
    }

    func testParametersCountWeightsAndGradientsFromTheLayersFootprints() throws {
        // blobs are 2-D: encoder 2·64 + 64 + 64·2 + 2, decoder the same; value and gradient, 4 bytes each.
        XCTAssertEqual(try estimate().parameters, 2 * 4 * 2 * (2 * 64 + 64 + 64 * 2 + 2))
        let wider = try estimate(["model.encoder=[dense 128, relu, dense latent]"])
        XCTAssertGreaterThan(wider.parameters, try estimate().parameters)
    }

    func testActivationsGrowWithTheBatchAndOptimizerStateWithTheKind() throws {
        let small = try estimate(), large = try estimate(["training.batch_size=64"])
        XCTAssertEqual(large.activations, 2 * small.activations)
        let sgd = try estimate(["optimizer.kind=sgd"]), momentum = try estimate(["optimizer.kind=sgd", "optimizer.momentum=0.9"])
        XCTAssertLessThan(sgd.optimizerAndCheckpoint, momentum.optimizerAndCheckpoint)
        XCTAssertLessThan(momentum.optimizerAndCheckpoint, small.optimizerAndCheckpoint)
    }

    func testAnAbsurdDecoderIsEstimatedWithoutBuildingIt() throws {
        let huge = try estimate(["model.decoder=[dense 100000000, relu, dense input]"])
        XCTAssertGreaterThan(huge.total, 100 << 30)
        let deep = try estimate(["model.decoder=[" + Array(repeating: "dense 4096", count: 3_000).joined(separator: ", ")
                                 + ", dense input]"])
        XCTAssertGreaterThan(deep.parameters, 3_000 * 4096 * 4096 * 4)
        XCTAssertThrowsError(try MemoryBudget(bytes: 16 << 30, origin: "a test").check(
            ExperimentReader.parse(Data(base.utf8), file: "sized.yaml",
                                   overrides: [Override(parsing: "model.decoder=[dense 100000000, relu, dense input]")]))) {
            XCTAssertTrue("\($0)".contains("more than the memory budget of 16 GB (a test)"), "\($0)")
        }
    }

    func testMemoryLimitsReadSizesWithUnits() throws {
        XCTAssertEqual(try MemoryBudget(limit: "8GB")?.bytes, 8 << 30)
        XCTAssertEqual(try MemoryBudget(limit: "512 mb")?.bytes, 512 << 20)
        XCTAssertEqual(try MemoryBudget(limit: "1.5G")?.bytes, 3 << 29)
        XCTAssertEqual(try MemoryBudget(limit: "4096")?.bytes, 4096)
        XCTAssertNil(try MemoryBudget(limit: "none"))
        XCTAssertEqual(try MemoryBudget(limit: nil), MemoryBudget.machineDefault)
        for bad in ["", "-1GB", "lots", "0"] {
            XCTAssertThrowsError(try MemoryBudget(limit: bad), bad)
        }
    }

    func testValidateShowsTheEstimate() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aae-memory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sized.yaml").path
        try Data(base.utf8).write(to: URL(fileURLWithPath: path))
        let validation = FileValidation(path: path)
        XCTAssertTrue(validation.text.contains("Memory: about "), validation.text)
        XCTAssertEqual(validation.memory, try estimate())
    }

    func testANameOrAnOutputFolderLongerThanAFileNameMayBeIsInvalid() throws {
        let longName = String(repeating: "n", count: 256)
        for override in ["name=\(longName)", "output=results/\(longName)/runs"] {
            XCTAssertThrowsError(try ExperimentReader.parse(Data(base.utf8), file: "sized.yaml",
                                                            overrides: [Override(parsing: override)])) { error in
                let diagnostics = (error as? ConfigErrors)?.diagnostics ?? []
                XCTAssertEqual(diagnostics.count, 1, "\(error)")
                XCTAssertTrue(diagnostics.first?.message.contains("255") ?? false, "\(error)")
            }
        }
        XCTAssertNoThrow(try ExperimentReader.parse(Data(base.utf8), file: "sized.yaml",
                                                    overrides: [Override(parsing: "name=\(String(longName.dropLast()))")]))
    }
}
