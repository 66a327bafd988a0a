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
            For each model and thread count: steps/s (median of windows timed in turn with every thread count \
            in one process, after a warm-up), the same step's sgemm sequence replayed alone (the floor), their \
            ratio, the speed-up over the first thread count, heap allocations per step, and resident memory \
            after 200 and after --memory-steps steps. OpenBLAS runs one thread per call under the environment \
            as given (its kernel is reported, OPENBLAS_CORETYPE never changed).
            """)

    @Option(help: "Experiment files to benchmark, comma-separated.")
    var experiments = "experiments/aae_deterministic.yaml,experiments/vae.yaml,experiments/conv_aae.yaml"

    @Option(help: "Thread counts (of the run's worker pool), comma-separated; the first is the speed-ups' base.")
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
        print("OpenBLAS kernel: \(BLAS.kernel) ("
              + (coreType.map { "OPENBLAS_CORETYPE=\($0)" } ?? "chosen by OpenBLAS, OPENBLAS_CORETYPE unset")
              + "); \(BLAS.configuration)")
        let threadCounts = threads.split(separator: ",").compactMap { Int($0) }.filter { $0 >= 1 }
        guard !threadCounts.isEmpty else { throw ValidationError("--threads needs thread counts of 1 or more") }
        var summary: [String] = []
        let table = MetricsLog(columns: ["model", "threads", "figure", "value"])
        for path in experiments.split(separator: ",").map(String.init) {
            let experiment = try ExperimentReader.load(path: path)
            let data = try trainingData(for: experiment)
            let benchmark = ModelBenchmark(name: experiment.name, experiment: experiment, data: data,
                                           threadCounts: threadCounts, windows: windows, stepsPerWindow: stepsPerWindow,
                                           memorySteps: memorySteps)
            let results = benchmark.run()
            for (threadCount, figures) in results {
                print("\n\(experiment.name), batch \(experiment.training.batchSize), \(threadCount) thread(s)")
                for figure in figures {
                    print("  \(figure.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(CSVFormat.float(figure.value))")
                    table.append([experiment.name, String(threadCount), figure.name, CSVFormat.float(figure.value)])
                }
            }
            summary.append(Self.summaryLine(experiment.name, results))
        }
        try table.write(to: URL(fileURLWithPath: out))
        print("\nsummary (kernel \(BLAS.kernel)):")
        summary.forEach { print("  " + $0) }
        print("\nwrote \(out)")
    }

    /// For example `aae_deterministic: step 13.2 ms on 1 thread (1.05× its floor), 7.9 ms on 2 (1.67× as fast)`.
    private static func summaryLine(_ name: String, _ results: [(threads: Int, figures: [ModelBenchmark.Figure])]) -> String {
        func value(_ figures: [ModelBenchmark.Figure], _ name: String) -> Double {
            figures.first { $0.name == name }?.value ?? .nan
        }
        guard let first = results.first else { return name }
        var line = "\(name): step \(String(format: "%.2f", value(first.figures, "step_ms"))) ms on \(first.threads) "
            + "thread\(first.threads == 1 ? "" : "s") (\(String(format: "%.2f", value(first.figures, "step_over_floor")))× its floor)"
        for (threads, figures) in results.dropFirst() {
            line += ", \(String(format: "%.2f", value(figures, "step_ms"))) ms on \(threads) "
                + "(\(String(format: "%.2f", value(figures, "speedup_over_\(first.threads)_thread")))× as fast, "
                + "\(String(format: "%.2f", value(figures, "step_over_floor")))× its floor)"
        }
        return line
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
