import AAECore
import AAEExperiment
import AAEReport
import ArgumentParser
import Foundation

/// `aae-bench`: how close a training step comes to its matrix-product floor.
@main
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aae-bench",
        abstract: "Time training steps against the floor of their sgemm calls, and measure memory.",
        discussion: """
            For each model and BLAS thread count: steps/s (median of timed windows after a warm-up), the same \
            step's sgemm sequence replayed alone (the floor), their ratio, heap allocations per step, and \
            resident memory after 200 and after --memory-steps steps. OpenBLAS runs under the environment as \
            given (OPENBLAS_CORETYPE is reported, never changed).
            """)

    @Option(help: "Experiment files to benchmark, comma-separated.")
    var experiments = "experiments/aae_deterministic.yaml,experiments/vae.yaml,experiments/conv_aae.yaml"

    @Option(help: "OpenBLAS thread counts, comma-separated.")
    var threads = "1,2"

    @Option(help: "Timed windows per figure (the median is reported).")
    var windows = 7

    @Option(name: .customLong("steps-per-window"), help: "Training steps per timed window.")
    var stepsPerWindow = 40

    @Option(name: .customLong("memory-steps"), help: "Steps before the second memory reading (0: no memory figures).")
    var memorySteps = 2000

    @Option(name: .customLong("data-dir"), help: "Where MNIST is; synthetic data of the same shape when absent.")
    var dataDirectory: String?

    @Option(help: "The CSV file to write (columns model,threads,figure,value).")
    var out = "results/bench/bench.csv"

    func run() throws {
        let coreType = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"]
        print("OpenBLAS kernels: " + (coreType.map { "OPENBLAS_CORETYPE=\($0)" } ?? "chosen by OpenBLAS (OPENBLAS_CORETYPE unset)"))
        let threadCounts = threads.split(separator: ",").compactMap { Int($0) }
        let table = MetricsLog(columns: ["model", "threads", "figure", "value"])
        for path in experiments.split(separator: ",").map(String.init) {
            let experiment = try ExperimentReader.load(path: path)
            let data = try trainingData(for: experiment)
            for threadCount in threadCounts {
                let benchmark = ModelBenchmark(name: experiment.name, experiment: experiment, data: data,
                                               threads: threadCount, windows: windows, stepsPerWindow: stepsPerWindow,
                                               memorySteps: memorySteps)
                let figures = benchmark.run()
                print("\n\(experiment.name), batch \(experiment.training.batchSize), \(threadCount) BLAS thread(s)")
                for figure in figures {
                    print("  \(figure.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(CSVFormat.float(figure.value))")
                    table.append([experiment.name, String(threadCount), figure.name, CSVFormat.float(figure.value)])
                }
            }
        }
        try table.write(to: URL(fileURLWithPath: out))
        print("\nwrote \(out)")
    }

    /// Real MNIST training images when present, else uniform noise of the same shape.
    private func trainingData(for experiment: Experiment) throws -> LabeledImages {
        let directory = DataDirectory.resolve(explicit: dataDirectory)
        if let split = try? MNIST.load(directory: directory, scale: experiment.data.scale) { return split.train }
        var random = RandomGenerator(seed: 3)
        let count = 8_000, side = 28
        var pixels = [Float](repeating: 0, count: count * side * side)
        pixels.withUnsafeMutableBufferPointer { random.fillUniform($0.baseAddress!, count: $0.count, low: 0, high: 1) }
        let labels = (0..<count).map { Int32($0 % 10) }
        return LabeledImages(count: count, rows: side, cols: side, pixels: pixels, labels: labels)
    }
}
