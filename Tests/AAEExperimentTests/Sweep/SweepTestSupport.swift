import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// A small AAE sweep on the synthetic MNIST fixture: four runs of 60 steps
/// with tiny networks, each well under a second.
let tinySweepExperiment = """
    name: tiny_sweep
    seed: 5
    data: {dataset: mnist, scale: [-1, 1], train_size: 2000, test_size: 400}
    model:
      kind: aae
      latent_dim: 2
      encoder: [dense 32, leaky_relu 0.2, dropout 0.1, dense latent]
      decoder: [dense 32, leaky_relu 0.2, dense input, tanh]
      discriminator: [dense 16, leaky_relu 0.2, dense 1, sigmoid]
    loss: {reconstruction: mse, weights: {reconstruction: 0.999, adversarial: 0.001}}
    optimizer: {kind: adam, lr: 0.001, beta1: 0.5}
    training: {steps: 60, batch_size: 32, log_every: 20, checkpoint_every: 25}
    eval: {parzen_samples: 0}
    sweep:
      grid:
        model.latent_dim: [2, 3]
        optimizer.lr: [0.001, 0.002]

    """

/// A scratch folder for sweep tests, removed when released, and the synthetic
/// MNIST folder all sweep tests share.
final class SweepWorkspace {
    let url: URL

    /// Made once per test process: writing it takes longer than a tiny run.
    static let dataDirectory: URL = {
        do {
            return try SyntheticMNIST.makeDirectory()
        } catch {
            fatalError("cannot write the synthetic MNIST fixture: \(error)")
        }
    }()

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("aae-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes an experiment file and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The plan of the file `name`, written to the folder `out` of the workspace.
    func plan(_ name: String, out: String = "results", overrides: [String] = []) throws -> SweepPlan {
        try SweepPlan.load(path: path(name), overrides: overrides.map(Override.init(parsing:)), outputDirectory: path(out))
    }

    /// Runs `plan` on the synthetic data.
    func run(_ plan: SweepPlan, jobs: Int, stopAfterStep: Int? = nil, stop: StopRequest? = nil) throws -> SweepOutcome {
        try SweepRunner(plan: plan, options: SweepOptions(jobs: jobs, dataDirectory: Self.dataDirectory.path,
                                                          stopRequest: stop, stopAfterStep: stopAfterStep)).run()
    }
}

/// The bytes of each run's result files that must not depend on how the
/// sweep ran: metrics.csv and eval.csv, by `run id/file`.
func resultFiles(of plan: SweepPlan, names: [String] = ["metrics.csv", "eval.csv"]) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for run in plan.runs {
        for name in names {
            files["\(run.id)/\(name)"] = try Data(contentsOf: plan.directory(of: run).appendingPathComponent(name))
        }
    }
    return files
}

/// The summary.csv of a sweep.
func summary(of plan: SweepPlan) throws -> CSVTable {
    try CSVTable.read(from: plan.outputDirectory.appendingPathComponent("summary.csv"))
}

/// Asserts that two sets of result files are byte-identical, naming the first that differs.
func assertSameFiles(_ a: [String: Data], _ b: [String: Data], _ context: String = "",
                     file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.keys.sorted(), b.keys.sorted(), context, file: file, line: line)
    for name in a.keys.sorted() where a[name] != b[name] {
        let left = a[name].map { String(decoding: $0, as: UTF8.self) } ?? "", right = b[name].map { String(decoding: $0, as: UTF8.self) } ?? ""
        XCTFail("\(context) \(name) differs:\n\(left)\nvs\n\(right)", file: file, line: line)
        return
    }
}
